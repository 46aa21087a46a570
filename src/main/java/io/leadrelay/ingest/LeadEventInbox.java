package io.leadrelay.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes lead events, once per leadgen id. The insert is skipped when the id is already
 * stored; when two requests carry the same new id at the same moment, the loser's
 * transaction fails on the unique key and is run again, and then sees the winner's row.
 */
class LeadEventInbox {

	static final int MAX_ATTEMPTS = 5;

	private static final String INSERT_IF_ABSENT = """
			INSERT INTO lead_event (leadgen_id, page_id, form_id, ad_id, adgroup_id, created_time, received_at,
			    source, status, raw_value)
			SELECT CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(32)),
			    CAST(? AS VARCHAR(32)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),
			    CAST(? AS VARCHAR(16)), 'received', CAST(? AS VARCHAR(4000))
			WHERE NOT EXISTS (SELECT 1 FROM lead_event WHERE leadgen_id = ?)""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	LeadEventInbox(JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * Store the leads that are new and audit every one, in one transaction.
	 * @return which leadgen ids were new and which were stored before
	 */
	StoreResult store(List<LeadNotification> leads, Instant receivedAt) {
		return store(leads, receivedAt, "webhook");
	}

	/**
	 * As {@link #store(List, Instant)}, for leads found another way ({@code backfill}).
	 */
	StoreResult store(List<LeadNotification> leads, Instant receivedAt, String source) {
		Collection<LeadNotification> distinct = distinctByLeadgenId(leads);
		int repeatedInRequest = leads.size() - distinct.size();
		for (int attempt = 1;; attempt++) {
			try {
				StoreResult result = this.transactions.execute((status) -> insert(distinct, receivedAt, source));
				return result.plusDuplicates(repeatedInRequest);
			}
			catch (DuplicateKeyException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private StoreResult insert(Collection<LeadNotification> leads, Instant receivedAt, String source) {
		if (leads.isEmpty()) {
			return new StoreResult(0, 0);
		}
		OffsetDateTime received = receivedAt.atOffset(ZoneOffset.UTC);
		int[][] counts = this.jdbc.batchUpdate(INSERT_IF_ABSENT, leads, leads.size(), (statement, lead) -> {
			statement.setString(1, lead.leadgenId());
			statement.setString(2, lead.pageId());
			statement.setString(3, lead.formId());
			statement.setString(4, lead.adId());
			statement.setString(5, lead.adgroupId());
			statement.setObject(6, (lead.createdTime() != null) ? lead.createdTime().atOffset(ZoneOffset.UTC) : null);
			statement.setObject(7, received);
			statement.setString(8, source);
			statement.setString(9, lead.rawValue());
			statement.setString(10, lead.leadgenId());
		});
		List<AuditEntry> trail = new ArrayList<>(leads.size());
		int accepted = 0;
		int index = 0;
		for (LeadNotification lead : leads) {
			boolean inserted = counts[0][index++] > 0;
			accepted += inserted ? 1 : 0;
			trail.add(new AuditEntry(receivedAt, "webhook".equals(source) ? "meta" : "system",
					inserted ? "lead_event.received" : "lead_event.duplicate", "lead", lead.leadgenId(),
					"{\"pageId\":\"" + lead.pageId() + "\",\"source\":\"" + source + "\"}"));
		}
		this.audit.recordAll(trail);
		return new StoreResult(accepted, leads.size() - accepted);
	}

	private static Collection<LeadNotification> distinctByLeadgenId(List<LeadNotification> leads) {
		Map<String, LeadNotification> byId = new LinkedHashMap<>();
		for (LeadNotification lead : leads) {
			byId.putIfAbsent(lead.leadgenId(), lead);
		}
		return byId.values();
	}

	record StoreResult(int accepted, int duplicates) {

		StoreResult plusDuplicates(int more) {
			return new StoreResult(this.accepted, this.duplicates + more);
		}

	}

}
