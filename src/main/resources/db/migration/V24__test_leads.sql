-- A test lead, sent by a person from the admin UI or the API to check a mapping and a
-- destination, is stored and delivered like any lead but marked as a test everywhere.
ALTER TABLE lead ADD COLUMN test BOOLEAN DEFAULT FALSE NOT NULL;
