package io.leadrelay.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.audit.AuditRecord;
import io.leadrelay.audit.AuditTrail;
import io.leadrelay.delivery.Deliveries;
import io.leadrelay.delivery.DeliveryFilter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads one lead's whole story ({@link LeadDetail}). */
@Service
public class LeadDetails {

	/** The most deliveries a lead's page lists (one per destination). */
	static final int MAX_DELIVERIES = 200;

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, Boolean>> CONSENTS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final LeadSearch search;

	private final Deliveries deliveries;

	private final AuditTrail trail;

	private final ObjectMapper json;

	LeadDetails(JdbcTemplate jdbc, LeadSearch search, Deliveries deliveries, AuditTrail trail, ObjectMapper json) {
		this.jdbc = jdbc;
		this.search = search;
		this.deliveries = deliveries;
		this.trail = trail;
		this.json = json;
	}

	/** The lead's story, or empty when LeadRelay never received it. */
	public Optional<LeadDetail> find(String leadgenId) {
		List<LeadRow> rows = this.search
			.find(new LeadQuery(leadgenId, null, null, null, null, null, null, null, null, null, 1))
			.items();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		LeadRow lead = rows.get(0);
		List<String> messages = this.jdbc.queryForList("SELECT last_error FROM lead_event WHERE leadgen_id = ?",
				String.class, leadgenId);
		String message = messages.isEmpty() ? null : messages.get(0);
		LeadDetail.Enrichment enrichment = this.jdbc
			.query("""
					SELECT form_id, form_name, ad_id, ad_name, adset_id, adset_name, campaign_id, campaign_name, platform,
					    organic, created_time, enriched_at, personal_data_removed_at, personal_data_removed_by
					FROM lead WHERE leadgen_id = ?""",
					(rs, row) -> new LeadDetail.Enrichment(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
							rs.getString(9), rs.getBoolean(10), instant(rs.getObject(11, OffsetDateTime.class)),
							instant(rs.getObject(12, OffsetDateTime.class)),
							instant(rs.getObject(13, OffsetDateTime.class)), rs.getString(14)),
					leadgenId)
			.stream()
			.findFirst()
			.orElse(null);
		List<LeadDetail.Delivery> sent = this.deliveries
			.find(new DeliveryFilter(null, null, leadgenId, null, null, null), 0, MAX_DELIVERIES)
			.items()
			.stream()
			.map((delivery) -> new LeadDetail.Delivery(delivery, this.deliveries.payload(delivery.id()),
					this.deliveries.attempts(delivery.id())))
			.toList();
		return Optional.of(new LeadDetail(lead, message, enrichment, answers(lead.answersJson()), consents(leadgenId),
				sent, timeline(leadgenId)));
	}

	/** The lead's audit trail, oldest first; empty for a lead never received. */
	public List<AuditRecord> timeline(String leadgenId) {
		return this.trail.of("lead", leadgenId);
	}

	/**
	 * The lead's consent checkboxes as the person left them, by key; empty for a lead
	 * whose form asked none, or not fetched yet.
	 */
	private Map<String, Boolean> consents(String leadgenId) {
		List<String> stored = this.jdbc.queryForList("SELECT consents FROM lead WHERE leadgen_id = ?", String.class,
				leadgenId);
		if (stored.isEmpty() || stored.get(0) == null) {
			return Map.of();
		}
		try {
			return this.json.readValue(stored.get(0), CONSENTS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored lead's consents are not JSON", ex);
		}
	}

	/** A lead's stored answers, read from their JSON; empty for none. */
	public Map<String, List<String>> answers(String answersJson) {
		if (answersJson == null) {
			return Map.of();
		}
		try {
			return this.json.readValue(answersJson, ANSWERS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored lead's answers are not JSON", ex);
		}
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
