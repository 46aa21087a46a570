package io.leadrelay.pipeline.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leads and deliveries as the pipeline leaves them, written straight into the tables, so
 * that reprocess tests start from any status without the Graph API.
 */
final class ReprocessFixtures {

	static final String PAGE_ID = "100200300400500";

	static final String FORM = "700000000000001";

	static final String OTHER_FORM = "700000000000002";

	private ReprocessFixtures() {
	}

	/**
	 * A lead event with the given status, and its stored answers when {@code email} is
	 * not null.
	 */
	static void lead(JdbcTemplate jdbc, String leadgenId, String formId, String status, String email) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.update("""
				INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value, attempts,
				    last_error) VALUES (?, ?, ?, ?, 'webhook', ?, '{}', ?, ?)""", leadgenId, PAGE_ID, formId, now,
				status, "failed".equals(status) ? 5 : 1, "failed".equals(status) ? "Meta refused the lead" : null);
		if (email != null) {
			jdbc.update("""
					INSERT INTO lead (leadgen_id, page_id, form_id, form_name, platform, organic, created_time, answers,
					    enriched_at) VALUES (?, ?, ?, 'Spring offer', 'fb', FALSE, ?, ?, ?)""", leadgenId, PAGE_ID,
					formId, now.minusMinutes(5), "{\"email\":[\"" + email + "\"],\"full_name\":[\"Ana Example\"]}",
					now);
		}
	}

	/** A delivery of the lead to a destination, with a status and payload. */
	static long delivery(JdbcTemplate jdbc, String leadgenId, String destination, String mapping, String status,
			String payload) {
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
		jdbc.update(
				"""
						INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status, attempts,
						    last_error, created_at, updated_at, retry_from, event_at) VALUES (?, ?, ?, 1, ?, ?, 1, ?, ?, ?, ?, ?)""",
				leadgenId, destination, mapping, payload, status, "dead".equals(status) ? "company is required" : null,
				at, at, at, at);
		return jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ? AND destination_id = ?", Long.class,
				leadgenId, destination);
	}

}
