-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- One row per mapping, pointing at its current version. destination and enabled copy the
-- current version's definition, so that the pipeline can choose mappings by them.
CREATE TABLE mapping (
    id              VARCHAR(64)              NOT NULL PRIMARY KEY,
    destination_id  VARCHAR(64)              NOT NULL,
    enabled         BOOLEAN                  NOT NULL,
    current_version INTEGER                  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(200)             NOT NULL
);

-- Every saved definition (YAML text), never changed or deleted: a rollback adds a copy of
-- an old one. created_by is a user name, or file:<name> for a version read from mappings/.
CREATE TABLE mapping_version (
    mapping_id  VARCHAR(64)              NOT NULL,
    version     INTEGER                  NOT NULL,
    definition  VARCHAR(262144)          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200)             NOT NULL,
    CONSTRAINT pk_mapping_version PRIMARY KEY (mapping_id, version),
    CONSTRAINT fk_mapping_version_mapping FOREIGN KEY (mapping_id) REFERENCES mapping (id)
);
