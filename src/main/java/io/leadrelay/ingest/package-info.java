/**
 * Receiving leads: Meta's webhook ({@code POST /webhooks/meta} and its verification
 * handshake), the signature check on the raw bytes, the parsing of leadgen notifications,
 * and the {@link io.leadrelay.ingest.LeadEventInbox inbox} that appends one
 * {@code lead_event} row per leadgen id in status {@code received}, for the webhook and
 * for backfill alike.
 * <p>
 * {@code received} is the only status ingest writes: from there the row belongs to the
 * {@code pipeline}, which claims it and sets every later status. Ingest depends on
 * {@code meta} (app secrets, verify token, id rules) and {@code audit}, never on the
 * pipeline; the {@code meta-webhook} route wakes the pipeline once new leads are
 * committed.
 */
package io.leadrelay.ingest;
