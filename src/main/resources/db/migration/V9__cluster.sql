-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- Scheduled jobs run once per cluster: ShedLock's lock per job (named after its route), its
-- times from the database's clock so that engines on machines whose clocks differ agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
