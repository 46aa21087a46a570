-- The dashboard counts deliveries by when they ended: delivered ones by delivered_at (its
-- success rates and the webhook-to-CRM latency), dead ones by the time they gave up.
CREATE INDEX ix_delivery_delivered ON delivery (delivered_at);
CREATE INDEX ix_delivery_ended ON delivery (status, updated_at);
