package io.leadrelay.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rows the dashboard reads (pages, destinations, received leads, deliveries)
 * straight into the tables, with the times a test chooses.
 */
record DashboardRows(JdbcTemplate jdbc) {

	private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	DashboardRows page(String pageId, String name, String tokenStatus, Instant tokenExpiresAt) {
		this.jdbc.update(
				"""
						INSERT INTO page (page_id, name, token_ciphertext, token_status, token_expires_at, created_at, updated_at)
						VALUES (?, ?, 'not-a-token', ?, ?, ?, ?)""",
				pageId, name, tokenStatus, utc(tokenExpiresAt), utc(CREATED), utc(CREATED));
		return this;
	}

	DashboardRows destination(String destinationId, String name, String status) {
		this.jdbc.update("""
				INSERT INTO destination (destination_id, name, type, settings, credential_names, enabled, status,
				    created_at, updated_at)
				VALUES (?, ?, 'webhook', '{}', '', TRUE, ?, ?, ?)""", destinationId, name, status, utc(CREATED),
				utc(CREATED));
		return this;
	}

	/**
	 * A lead received at the given time, in the given status (such as received or
	 * mapped).
	 */
	DashboardRows lead(String leadgenId, String pageId, String formId, String status, Instant receivedAt) {
		this.jdbc.update("""
				INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value)
				VALUES (?, ?, ?, ?, 'webhook', ?, '{}')""", leadgenId, pageId, formId, utc(receivedAt), status);
		return this;
	}

	/** The stored lead of a received one, naming its form. */
	DashboardRows storedLead(String leadgenId, String pageId, String formId, String formName) {
		this.jdbc.update("""
				INSERT INTO lead (leadgen_id, page_id, form_id, form_name, answers, enriched_at)
				VALUES (?, ?, ?, ?, '{}', ?)""", leadgenId, pageId, formId, formName, utc(CREATED));
		return this;
	}

	/**
	 * A delivery of a lead to a destination; {@code updatedAt} is when it got its status,
	 * and {@code deliveredAt} when it was delivered ({@code null} if not).
	 */
	DashboardRows delivery(String leadgenId, String destinationId, String status, Instant updatedAt,
			Instant deliveredAt) {
		this.jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    created_at, updated_at, delivered_at)
				VALUES (?, ?, 'mapping-1', 1, '{}', ?, ?, ?, ?)""", leadgenId, destinationId, status, utc(updatedAt),
				utc(updatedAt), utc(deliveredAt));
		return this;
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
