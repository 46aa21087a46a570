package io.leadrelay.ingest;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrelay.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores leads the webhook missed as lead events with {@code source=backfill}: once per
 * leadgen id, whichever way a lead arrives first.
 */
@Service
public class LeadEventIntake {

	private final LeadEventInbox inbox;

	private final ObjectMapper json;

	private final Clock clock;

	LeadEventIntake(JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit, ObjectMapper json,
			Clock clock) {
		this.inbox = new LeadEventInbox(jdbc, transactions, audit);
		this.json = json;
		this.clock = clock;
	}

	/** Store the leads not stored before; returns how many were new. */
	public int storeBackfilled(List<BackfilledLead> leads) {
		List<LeadNotification> notifications = leads.stream()
			.map((lead) -> new LeadNotification(lead.leadgenId(), lead.pageId(), lead.formId(), lead.adId(),
					lead.adId(), lead.createdTime(), rawValue(lead)))
			.toList();
		return this.inbox.store(notifications, this.clock.instant(), "backfill").accepted();
	}

	private String rawValue(BackfilledLead lead) {
		ObjectNode value = this.json.createObjectNode()
			.put("leadgen_id", lead.leadgenId())
			.put("page_id", lead.pageId())
			.put("form_id", lead.formId());
		if (lead.adId() != null) {
			value.put("ad_id", lead.adId()).put("adgroup_id", lead.adId());
		}
		if (lead.createdTime() != null) {
			value.put("created_time", lead.createdTime().getEpochSecond());
		}
		return value.toString();
	}

}
