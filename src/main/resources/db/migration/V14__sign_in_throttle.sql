-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- Failed sign-ins per user name and per address, for SignInThrottle's growing lockout.
-- kind is 'user' or 'address'; subject the user name (which may not exist) or the address
-- (an IPv6 one as its /64 network). A row quiet for leadrelay.security.sign-in.max-lockout
-- is deleted; a successful sign-in deletes the user name's row.
CREATE TABLE sign_in_throttle (
    kind            VARCHAR(8)               NOT NULL,
    subject         VARCHAR(64)              NOT NULL,
    failures        INTEGER                  NOT NULL,
    lockouts        INTEGER                  NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sign_in_throttle PRIMARY KEY (kind, subject)
);
CREATE INDEX ix_sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
