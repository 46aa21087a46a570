package io.leadrelay.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes leads, deliveries and attempts straight into the tables, at chosen times. */
final class RetentionRows {

	static final String ANSWERS = "{\"email\":\"ada@example.com\",\"full_name\":\"Ada Lovelace\"}";

	static final String PAYLOAD = "{\"email\":\"ada@example.com\",\"firstname\":\"Ada\"}";

	private final JdbcTemplate jdbc;

	private final Instant now;

	RetentionRows(JdbcTemplate jdbc, Instant now) {
		this.jdbc = jdbc;
		this.now = now;
	}

	/** A lead stored {@code daysAgo} days before now, with its contact terms. */
	void lead(String leadgenId, double daysAgo) {
		this.jdbc.update("""
				INSERT INTO lead (leadgen_id, page_id, form_id, answers, enriched_at) VALUES (?, '111', '222', ?, ?)""",
				leadgenId, ANSWERS, at(daysAgo));
		this.jdbc.update("INSERT INTO lead_contact (leadgen_id, kind, term) VALUES (?, 'email', 'ada@example.com')",
				leadgenId);
	}

	/**
	 * A delivery of the lead to {@code destination} that ended {@code daysAgo} days
	 * before now in {@code status}, with one attempt then and one payload edit.
	 * @return its id
	 */
	long delivery(String leadgenId, String destination, String status, double daysAgo) {
		this.jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    last_error, created_at, updated_at, delivered_at, discard_reason)
				VALUES (?, ?, 'm1', 1, ?, ?, ?, ?, ?, ?, ?)""", leadgenId, destination, PAYLOAD, status,
				status.equals("delivered") ? null : "400: email ada@example.com is invalid", at(daysAgo + 0.01),
				at(daysAgo), status.equals("delivered") ? at(daysAgo) : null,
				status.equals("discarded") ? "Ada Lovelace asked us to stop" : null);
		long id = this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ? AND destination_id = ?",
				Long.class, leadgenId, destination);
		attempt(id, daysAgo);
		this.jdbc.update(
				"""
						INSERT INTO delivery_payload_edit (delivery_id, edited_at, edited_by, previous_payload, new_payload, reason)
						VALUES (?, ?, 'admin', ?, ?, 'Ada typed ada@exmple.com')""",
				id, at(daysAgo), PAYLOAD, PAYLOAD);
		return id;
	}

	void attempt(long deliveryId, double daysAgo) {
		this.jdbc.update("""
				INSERT INTO delivery_attempt (delivery_id, started_at, duration_ms, outcome, http_status, message)
				VALUES (?, ?, 12, 'rejected', 400, 'email ada@example.com is invalid')""", deliveryId, at(daysAgo));
	}

	Object at(double daysAgo) {
		return this.now.minus(Duration.ofMinutes(Math.round(daysAgo * 24 * 60))).atOffset(ZoneOffset.UTC);
	}

}
