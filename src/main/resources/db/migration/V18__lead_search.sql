-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- What a person can be found by: one row per (lead, kind, term). kind is email (lower-cased),
-- phone (digits only) or name (one lower-cased word of a name). Personal data: it lives here and
-- in lead.answers only. Search matches a term or a term's prefix: a range on (kind, term).
CREATE TABLE lead_contact (
    leadgen_id VARCHAR(32)  NOT NULL,
    kind       VARCHAR(8)   NOT NULL,
    term       VARCHAR(200) NOT NULL,
    CONSTRAINT uq_lead_contact UNIQUE (leadgen_id, kind, term)
);
CREATE INDEX ix_lead_contact_term ON lead_contact (kind, term, leadgen_id);

-- The leads list filters on the time a lead arrived; the dashboard counts leads per day.
CREATE INDEX ix_lead_event_received ON lead_event (received_at);
-- Page, form and status filters page by (column, id): ix_lead_event_page, _form and _status (V1).
