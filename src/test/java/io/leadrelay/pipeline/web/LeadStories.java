package io.leadrelay.pipeline.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.pipeline.LeadFixtures;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lead with its whole story for the leads pages' and API's tests: received, enriched,
 * mapped to one destination, delivered on the second try, each step in the audit trail as
 * the engine writes it.
 */
final class LeadStories {

	static final String LEADGEN_ID = "920000000000001";

	static final Instant RECEIVED = Instant.parse("2026-12-02T10:00:00Z");

	private LeadStories() {
	}

	/**
	 * @return the delivery's id
	 */
	static long deliveredOnTheSecondTry(JdbcTemplate jdbc, AuditLog audit) {
		LeadFixtures.store(jdbc, LEADGEN_ID, "mapped", "ig", RECEIVED,
				LeadFixtures.person("Anna Schmidt", "anna.schmidt@example.com", "+49 151 2345-678"));
		jdbc.update(
				"""
						INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status, attempts,
						    crm_record_id, created_at, updated_at, retry_from, delivered_at, event_at)
						VALUES (?, 'hubspot-main', 'spring-offer', 2, ?, 'delivered', 2, 'crm-42', ?, ?, ?, ?, ?)""",
				LEADGEN_ID, "{\"email\":\"anna.schmidt@example.com\",\"firstname\":\"Anna\"}", at(3), at(90), at(3),
				at(90), at(0));
		long delivery = jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ?", Long.class, LEADGEN_ID);
		jdbc.update("""
				INSERT INTO delivery_attempt (delivery_id, started_at, duration_ms, outcome, http_status, message)
				VALUES (?, ?, 120, 'failed', 503, 'Service Unavailable')""", delivery, at(4));
		jdbc.update("""
				INSERT INTO delivery_attempt (delivery_id, started_at, duration_ms, outcome, http_status, crm_record_id)
				VALUES (?, ?, 80, 'delivered', 201, 'crm-42')""", delivery, at(90));
		audit.recordAll(List.of(
				new AuditEntry(RECEIVED, "meta", "lead_event.received", "lead", LEADGEN_ID,
						AuditDetails.of("pageId", LeadFixtures.PAGE_ID, "source", "webhook")),
				new AuditEntry(RECEIVED.plusSeconds(1), "meta", "lead_event.duplicate", "lead", LEADGEN_ID,
						AuditDetails.of("pageId", LeadFixtures.PAGE_ID, "source", "webhook")),
				new AuditEntry(RECEIVED.plusSeconds(2), "system", "lead.enriching", "lead", LEADGEN_ID),
				new AuditEntry(RECEIVED.plusSeconds(3), "system", "lead.mapped", "lead", LEADGEN_ID),
				new AuditEntry(RECEIVED.plusSeconds(3), "system", "delivery.pending", "lead", LEADGEN_ID,
						AuditDetails.of("destination", "hubspot-main", "mapping", "spring-offer", "version", 2)),
				new AuditEntry(RECEIVED.plusSeconds(4), "system", "delivery.retrying", "lead", LEADGEN_ID,
						AuditDetails.of("destination", "hubspot-main", "attempt", 1, "http_status", 503)),
				new AuditEntry(RECEIVED.plusSeconds(90), "system", "delivery.delivered", "lead", LEADGEN_ID,
						AuditDetails.of("destination", "hubspot-main", "attempt", 2, "http_status", 201)),
				new AuditEntry(RECEIVED.plusSeconds(95), "system", "lead.something_new", "lead", LEADGEN_ID)));
		return delivery;
	}

	private static Object at(int seconds) {
		return RECEIVED.plusSeconds(seconds).atOffset(ZoneOffset.UTC);
	}

}
