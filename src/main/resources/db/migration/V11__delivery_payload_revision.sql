-- Standard Webhooks: a receiver drops repeats by webhook-id, so a delivery whose payload changed
-- (a replay re-mapped with a fixed mapping) must be sent under a new id. payload_revision counts
-- the payloads a delivery has had: 1 for the first, + 1 each time a replay changes it.
ALTER TABLE delivery ADD COLUMN payload_revision INTEGER DEFAULT 1 NOT NULL;

-- When the lead's event happened (Meta's created_time, else when the delivery was made): the
-- webhook payload's timestamp, the same on every try. Filled in for the rows already there; a
-- NULL is read as created_at.
ALTER TABLE delivery ADD COLUMN event_at TIMESTAMP WITH TIME ZONE;
UPDATE delivery SET event_at = COALESCE(
    (SELECT l.created_time FROM lead l WHERE l.leadgen_id = delivery.leadgen_id), created_at);
