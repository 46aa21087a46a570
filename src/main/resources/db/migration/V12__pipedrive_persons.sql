-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- The Pipedrive persons our deliveries created, per destination and email, so that a second
-- lead with the same email finds its person while Pipedrive's search index still lags behind
-- the create. The email is kept only as the hex SHA-256 of its trimmed, lower-cased form.
-- A row whose person_id is NULL is a claim: one delivery (of any engine) is searching for and
-- creating that person until claimed_until; the others wait for it. No foreign key: a deleted
-- destination's rows are harmless (a remembered person that no longer answers is forgotten).
CREATE TABLE pipedrive_person (
    destination_id VARCHAR(64)              NOT NULL,
    email_key      CHAR(64)                 NOT NULL,
    person_id      BIGINT,
    claim_token    VARCHAR(36),
    claimed_until  TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (destination_id, email_key)
);
