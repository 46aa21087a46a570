-- Facebook pages whose leads LeadRelay fetches, with their access token encrypted
-- (AES-256-GCM, 'v1:<key id>:...') and the result of the last token check.
CREATE TABLE page (
    page_id          VARCHAR(32)              NOT NULL PRIMARY KEY,
    name             VARCHAR(200)             NOT NULL,
    token_ciphertext VARCHAR(2000)            NOT NULL,
    token_status     VARCHAR(20)              NOT NULL,
    token_message    VARCHAR(500),
    token_expires_at TIMESTAMP WITH TIME ZONE,
    token_checked_at TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where mapped leads go: a CRM, a signed webhook or a Camel endpoint. Settings are JSON;
-- credentials are one encrypted JSON object and are never returned by the API.
CREATE TABLE destination (
    destination_id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    name                   VARCHAR(200)             NOT NULL,
    type                   VARCHAR(20)              NOT NULL,
    settings               VARCHAR(4000)            NOT NULL,
    credentials_ciphertext VARCHAR(8000),
    credential_names       VARCHAR(500)             NOT NULL,
    enabled                BOOLEAN                  NOT NULL,
    status                 VARCHAR(24)              NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
