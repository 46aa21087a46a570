-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- People whose data was erased on request, so that a Meta resend or the reconciliation poller
-- never stores them again. Each row holds a keyed hash (HMAC-SHA256, io.leadrelay.privacy.Suppressions)
-- of one thing the person is known by: an email (trimmed, lower-cased), a phone number (E.164) or
-- a leadgen id; never the value itself. kind says which, for counts only.
CREATE TABLE suppression (
    key_hash   CHAR(64)                 NOT NULL PRIMARY KEY,
    kind       VARCHAR(16)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The secret the suppression hashes are keyed with: one row, generated at the first erasure and
-- stored encrypted with the engine's encryption key (SecretCipher), so that it survives a key
-- rotation (it is re-encrypted, not replaced) and the hashes stay comparable.
CREATE TABLE privacy_secret (
    id         INT                      NOT NULL PRIMARY KEY,
    secret     VARCHAR(400)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
