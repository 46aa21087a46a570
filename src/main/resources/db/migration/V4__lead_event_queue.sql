-- Work-queue columns: a worker claims an event for a lease (claimed_by, claimed_until); a crash
-- lets the lease run out and another worker takes the event again.
ALTER TABLE lead_event ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE lead_event ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead_event ADD COLUMN claimed_by VARCHAR(36);
ALTER TABLE lead_event ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead_event ADD COLUMN last_error VARCHAR(1000);
