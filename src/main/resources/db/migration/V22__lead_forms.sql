-- The lead forms of each connected page as Meta last described them, with their questions
-- (a JSON list of {key, label, type}), so that the mapping editor can offer them without
-- calling Meta on every keystroke. Refreshed on demand; a form Meta no longer lists is
-- removed at the next refresh of its page.
CREATE TABLE lead_form (
    form_id    VARCHAR(32)              NOT NULL PRIMARY KEY,
    page_id    VARCHAR(32)              NOT NULL,
    name       VARCHAR(400),
    status     VARCHAR(20),
    locale     VARCHAR(20),
    questions  VARCHAR(100000)          NOT NULL,
    fetched_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lead_form_page ON lead_form (page_id, name);
