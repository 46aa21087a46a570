package io.leadrelay.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.graph.GraphLead;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored leads for tests of the leads list, search and pages: the lead event as ingest
 * writes it, and the lead kept through {@link LeadStore#save} (so its search terms too).
 */
public final class LeadFixtures {

	public static final String PAGE_ID = "100000000000001";

	public static final String FORM_ID = "200000000000001";

	private LeadFixtures() {
	}

	/**
	 * A lead of {@link #PAGE_ID} and {@link #FORM_ID}, enriched unless {@code answers} is
	 * null.
	 */
	public static void store(JdbcTemplate jdbc, String leadgenId, String status, String platform, Instant receivedAt,
			Map<String, List<String>> answers) {
		store(jdbc, leadgenId, PAGE_ID, FORM_ID, status, platform, receivedAt, answers);
	}

	public static void store(JdbcTemplate jdbc, String leadgenId, String pageId, String formId, String status,
			String platform, Instant receivedAt, Map<String, List<String>> answers) {
		jdbc.update(
				"""
						INSERT INTO lead_event (leadgen_id, page_id, form_id, created_time, received_at, source, status, raw_value)
						VALUES (?, ?, ?, ?, ?, 'webhook', ?, '{}')""",
				leadgenId, pageId, formId, receivedAt.minusSeconds(5).atOffset(ZoneOffset.UTC),
				receivedAt.atOffset(ZoneOffset.UTC), status);
		if (answers != null) {
			new LeadStore(jdbc, new ObjectMapper(), Clock.fixed(receivedAt.plusSeconds(1), ZoneOffset.UTC)).save(pageId,
					new GraphLead(leadgenId, receivedAt.minusSeconds(5), answers, formId, "Spring offer",
							"300000000000001", "Video ad", "400000000000001", "Berlin", "500000000000001",
							"Spring campaign", platform, false, Map.of()));
		}
	}

	/** Meta's standard answers of a person. */
	public static Map<String, List<String>> person(String fullName, String email, String phone) {
		return Map.of("full_name", List.of(fullName), "email", List.of(email), "phone_number", List.of(phone));
	}

}
