-- The silent-pages alert check asks, every minute and for each page, when its newest webhook
-- lead arrived and how many leads it received in the week before: both are ranges of
-- received_at within one page, which ix_lead_event_page (page_id, id) cannot bound by time.
CREATE INDEX ix_lead_event_page_received ON lead_event (page_id, received_at);
