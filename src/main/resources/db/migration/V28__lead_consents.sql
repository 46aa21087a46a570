-- The consent and disclaimer checkboxes of the lead's form as the person left them, as
-- Meta's Graph API returns them (custom_disclaimer_responses): a JSON object from each
-- checkbox's key to whether it was ticked, such as {"marketing_optin": true}; NULL for a
-- lead stored before consents were kept, {} for a form without checkboxes. As long as
-- answers may be: a form can have many checkboxes with long keys.
ALTER TABLE lead ADD COLUMN consents VARCHAR(100000);
