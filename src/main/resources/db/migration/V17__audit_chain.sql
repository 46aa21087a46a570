-- The audit trail's hash chain: each entry, once sealed, carries its place in the chain,
-- the hash of the entry before it and its own hash (io.leadrelay.audit.ChainHash). Entries
-- are written unsealed (the webhook never waits for the chain) and sealed in id order by
-- AuditSealer, which holds the one row of audit_chain while it extends the chain.
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
ALTER TABLE audit_event ADD CONSTRAINT uq_audit_event_chain_seq UNIQUE (chain_seq);

CREATE TABLE audit_chain (
    id        INT         NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The audit log's filters, each newest first by id (keyset paging).
CREATE INDEX ix_audit_event_actor ON audit_event (actor, id);
CREATE INDEX ix_audit_event_action ON audit_event (action, id);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
