-- Reconciliation reads each form's leads in time windows and moves the watermark only past a
-- window read completely. The watermark now says "every lead created before this time has been
-- read" rather than "the newest lead seen", which skipped older leads when a read was cut short.
ALTER TABLE form_watermark RENAME COLUMN last_created_time TO read_until;

-- The overlap for late reports is now taken off when the watermark is set, not when it is read:
-- take the default hour off the watermarks set the old way, so their next poll starts where it did.
UPDATE form_watermark SET read_until = read_until - INTERVAL '1' HOUR;

-- Where the next window ends when the last one was too large to read within the page cap
-- (NULL: at the time of the poll).
ALTER TABLE form_watermark ADD COLUMN next_window_end TIMESTAMP WITH TIME ZONE;
