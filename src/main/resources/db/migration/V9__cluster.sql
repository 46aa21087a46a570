-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- Scheduled jobs run once per cluster: ShedLock's lock per job (named after its route), its
-- times from the database's clock so that engines on machines whose clocks differ agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- A destination's rate limit, shared by every engine: when its next call may start, in
-- microseconds since 1970 on the database's clock. No foreign key: a deleted destination's row
-- is harmless, and one saved again under the same id keeps its spacing.
CREATE TABLE destination_rate_limit (
    destination_id VARCHAR(64) NOT NULL PRIMARY KEY,
    next_call_at   BIGINT      NOT NULL
);
