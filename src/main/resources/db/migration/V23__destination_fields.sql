-- The fields a destination's CRM offers (HubSpot contact properties, Salesforce Lead
-- fields, Pipedrive person fields), as read from the CRM at the last refresh.
CREATE TABLE destination_field (
    destination_id VARCHAR(64)              NOT NULL,
    name           VARCHAR(200)             NOT NULL,
    label          VARCHAR(400),
    type           VARCHAR(60),
    required       BOOLEAN                  NOT NULL,
    read_only      BOOLEAN                  NOT NULL,
    options        VARCHAR(20000),
    position       INTEGER                  NOT NULL,
    fetched_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (destination_id, name)
);
