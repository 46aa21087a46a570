-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- Meta's data-deletion callbacks, one row per accepted request: its confirmation code (the
-- public status page's key), when it came and what was deleted, as counts. No personal data:
-- neither the person's app-scoped id nor the page's id is kept.
CREATE TABLE meta_data_deletion (
    confirmation_code VARCHAR(32)              NOT NULL PRIMARY KEY,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- 'person' (someone removed the app from their Facebook account) or 'page' (a Page removed it)
    requested_for     VARCHAR(16)              NOT NULL,
    pages_deleted     INTEGER                  NOT NULL,
    tokens_deleted    INTEGER                  NOT NULL
);
