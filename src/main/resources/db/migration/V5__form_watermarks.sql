-- Reconciliation: the newest lead seen per form, so that each poll of a form's leads starts
-- where the last one ended (less an overlap).
CREATE TABLE form_watermark (
    form_id           VARCHAR(32)              NOT NULL PRIMARY KEY,
    page_id           VARCHAR(32)              NOT NULL,
    last_created_time TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
