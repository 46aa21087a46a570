package io.leadrelay.testlead;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.delivery.DeliveriesNow;
import io.leadrelay.delivery.DeliveryStore;
import io.leadrelay.delivery.NewDelivery;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.pipeline.LeadStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a test lead as ingest and the pipeline keep a real one (its event, already
 * mapped; the lead, marked as a test; its delivery, held to be sent now; its timeline),
 * in one transaction.
 */
@Component
class TestLeadStore {

	private final JdbcTemplate jdbc;

	private final LeadStore leads;

	private final DeliveryStore deliveries;

	private final DeliveriesNow now;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	TestLeadStore(JdbcTemplate jdbc, LeadStore leads, DeliveryStore deliveries, DeliveriesNow now, AuditLog audit,
			TransactionTemplate transactions, ObjectMapper json) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.deliveries = deliveries;
		this.now = now;
		this.audit = audit;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * @param errors why the lead cannot be delivered as mapped (then its delivery starts
	 * dead)
	 * @return the hold of its delivery, to send it now; {@code null} when it starts dead
	 */
	String store(String pageId, GraphLead lead, Mapping mapping, Map<String, String> payload, List<String> errors,
			String actor) {
		Instant at = lead.createdTime();
		return this.transactions.execute((tx) -> {
			this.jdbc.update("""
					INSERT INTO lead_event (leadgen_id, page_id, form_id, created_time, received_at, source, status,
					    raw_value) VALUES (?, ?, ?, ?, ?, 'test', 'mapped', ?)""", lead.leadgenId(), pageId,
					lead.formId(), at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC),
					write(Map.of("test", true, "mapping", mapping.id(), "sent_by", actor)));
			this.leads.saveTest(pageId, lead);
			this.audit.recordAll(List.of(
					new AuditEntry(at, actor, "lead_event.received", "lead", lead.leadgenId(),
							AuditDetails.of("pageId", pageId, "source", "test")),
					new AuditEntry(at, actor, "lead.test_sent", "lead", lead.leadgenId(), AuditDetails.of("mapping",
							mapping.id(), "version", mapping.version(), "destination", mapping.destination()))));
			this.deliveries.add(new NewDelivery(lead.leadgenId(), mapping.destination(), mapping.id(),
					mapping.version(), write(payload), errors.isEmpty() ? null : String.join("; ", errors), at));
			return this.now.hold(lead.leadgenId(), mapping.destination());
		});
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
