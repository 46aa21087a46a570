/**
 * Retention: how long LeadRelay keeps each kind of data, and the purge job that removes
 * what has passed its window, once per cluster (routes/retention.yaml), in small batches
 * so that the webhook's tables are never locked for long. A lead's personal data goes
 * (its answers, contact terms, delivery payloads and payload edits, error texts; marked
 * {@code personal_data_removed_by = 'retention'}) while its row, ids, times and counts
 * stay; old delivery attempts, dead letters and audit entries are deleted. Each run is
 * audited with its counts. Depends on the audit trail only (its entries, and deleting its
 * oldest without breaking the hash chain).
 */
package io.leadrelay.retention;
