package io.leadrelay.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends lead events in status {@code received}, once per leadgen id, whichever way a
 * lead arrives first: from the webhook (through the {@link GroupCommitter}) or from a
 * backfill. The insert is skipped when the id is already stored; when two transactions
 * carry the same new id at the same moment, the loser fails on the unique key and is run
 * again, and then sees the winner's row.
 */
@Service
public class LeadEventInbox {

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

	private final ObjectMapper json;

	private final Clock clock;

	LeadEventInbox(JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit, ObjectMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Store leads the webhook missed, with {@code source=backfill}, and audit every one,
	 * in one transaction.
	 * @return how many were not stored before
	 */
	public int storeBackfilled(List<BackfilledLead> leads) {
		List<LeadNotification> notifications = leads.stream()
			.map((lead) -> new LeadNotification(lead.leadgenId(), lead.pageId(), lead.formId(), lead.adId(),
					lead.adId(), lead.createdTime(), rawValue(lead)))
			.toList();
		return storeAll(List.of(new Submission(notifications, this.clock.instant(), "backfill"))).get(0).accepted();
	}

	/**
	 * Store the leads of several submissions in one transaction (one commit for all of
	 * them). A leadgen id that an earlier submission of the group carries counts as a
	 * duplicate in the later one.
	 * @return one result per submission, in order
	 */
	List<StoreResult> storeAll(List<Submission> submissions) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> insertAll(submissions));
			}
			catch (DuplicateKeyException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private List<StoreResult> insertAll(List<Submission> submissions) {
		List<Row> rows = new ArrayList<>();
		for (Submission submission : submissions) {
			for (LeadNotification lead : distinctByLeadgenId(submission.leads())) {
				rows.add(new Row(lead, submission));
			}
		}
		int[] inserted = insert(rows);
		Map<Submission, int[]> counts = new IdentityHashMap<>();
		List<AuditEntry> trail = new ArrayList<>(rows.size());
		for (int index = 0; index < rows.size(); index++) {
			Row row = rows.get(index);
			boolean isNew = inserted[index] > 0;
			counts.computeIfAbsent(row.submission(), (key) -> new int[2])[isNew ? 0 : 1]++;
			trail.add(new AuditEntry(row.submission().receivedAt(),
					"webhook".equals(row.submission().source()) ? "meta" : "system",
					isNew ? "lead_event.received" : "lead_event.duplicate", "lead", row.lead().leadgenId(),
					AuditDetails.of("pageId", row.lead().pageId(), "source", row.submission().source())));
		}
		this.audit.recordAll(trail);
		List<StoreResult> results = new ArrayList<>(submissions.size());
		for (Submission submission : submissions) {
			int[] count = counts.getOrDefault(submission, new int[2]);
			int repeatedInRequest = submission.leads().size() - count[0] - count[1];
			results.add(new StoreResult(count[0], count[1] + repeatedInRequest));
		}
		return results;
	}

	private int[] insert(List<Row> rows) {
		if (rows.isEmpty()) {
			return new int[0];
		}
		int[][] counts = this.jdbc.batchUpdate(INSERT_IF_ABSENT, rows, rows.size(), (statement, row) -> {
			LeadNotification lead = row.lead();
			statement.setString(1, lead.leadgenId());
			statement.setString(2, lead.pageId());
			statement.setString(3, lead.formId());
			statement.setString(4, lead.adId());
			statement.setString(5, lead.adgroupId());
			statement.setObject(6, (lead.createdTime() != null) ? lead.createdTime().atOffset(ZoneOffset.UTC) : null);
			statement.setObject(7, row.submission().receivedAt().atOffset(ZoneOffset.UTC));
			statement.setString(8, row.submission().source());
			statement.setString(9, lead.rawValue());
			statement.setString(10, lead.leadgenId());
		});
		return counts[0];
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

	private static Collection<LeadNotification> distinctByLeadgenId(List<LeadNotification> leads) {
		Map<String, LeadNotification> byId = new LinkedHashMap<>();
		for (LeadNotification lead : leads) {
			byId.putIfAbsent(lead.leadgenId(), lead);
		}
		return byId.values();
	}

	/**
	 * The leads of one request (or one backfill poll), with when and how they arrived.
	 */
	record Submission(List<LeadNotification> leads, Instant receivedAt, String source) {

	}

	private record Row(LeadNotification lead, Submission submission) {

	}

	record StoreResult(int accepted, int duplicates) {

	}

}
