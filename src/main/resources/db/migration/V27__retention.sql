-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- The retention purge (io.leadrelay.retention) finds what has passed its window by these.
-- Leads whose personal data is still there, oldest first (the purge pages through them).
CREATE INDEX ix_lead_retention ON lead (personal_data_removed_at, enriched_at, leadgen_id);
-- Delivery attempts by when they were made.
CREATE INDEX ix_delivery_attempt_started ON delivery_attempt (started_at);
-- Dead letters by when they ended: ix_delivery_ended (status, updated_at), V21.

-- Where the audit trail's hash chain starts now: the retention purge deletes its oldest
-- entries, oldest first, and moves the start here in the same transaction, so a check of
-- the chain starts at the oldest entry kept (first_seq), whose "hash before" must be
-- first_prev_hash (the hash of the last entry deleted). Nothing deleted: 1 and the genesis.
ALTER TABLE audit_chain ADD COLUMN first_seq BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE audit_chain ADD COLUMN first_prev_hash VARCHAR(64)
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;
