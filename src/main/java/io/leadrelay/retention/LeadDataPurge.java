package io.leadrelay.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the personal data of leads past their window, one batch of leads per short
 * transaction, paging through the leads not yet purged oldest first (by when they were
 * stored). A lead whose deliveries all reached their destination goes
 * {@code deliveredLeads} after the last one; any other lead {@code undeliveredLeads}
 * after it was stored (its deliveries still waiting are discarded then, so that no empty
 * payload is ever sent). A lead with a delivery being sent right now waits for the next
 * run.
 */
@Component
class LeadDataPurge {

	/** What replaces an error text that may quote the lead. */
	static final String REMOVED = "(removed with the lead's personal data, retention)";

	static final String DISCARD_REASON = "Its lead's personal data was removed: the lead passed its retention window";

	private static final String CANDIDATES = """
			SELECT leadgen_id, enriched_at FROM lead
			WHERE personal_data_removed_at IS NULL AND enriched_at < ? AND enriched_at >= ?
			  AND (enriched_at > ? OR leadgen_id > ?)
			ORDER BY enriched_at, leadgen_id LIMIT ?""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	LeadDataPurge(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Purges every lead past its window, batch by batch.
	 * @return leads whose personal data was removed, and deliveries discarded with them
	 */
	int[] purge(Instant now, RetentionProperties windows) {
		Instant deliveredBefore = now.minus(windows.deliveredLeads());
		Instant storedBefore = now.minus(windows.undeliveredLeads());
		Candidate after = new Candidate("", Instant.EPOCH);
		int[] counts = new int[2];
		while (true) {
			List<Candidate> batch = this.jdbc.query(CANDIDATES,
					(rs, row) -> new Candidate(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()),
					utc(deliveredBefore), utc(after.storedAt()), utc(after.storedAt()), after.leadgenId(),
					windows.batchSize());
			if (batch.isEmpty()) {
				return counts;
			}
			int[] done = this.transaction.execute((status) -> purgeBatch(batch, now, deliveredBefore, storedBefore));
			counts[0] += done[0];
			counts[1] += done[1];
			if (batch.size() < windows.batchSize()) {
				return counts;
			}
			after = batch.get(batch.size() - 1);
		}
	}

	private int[] purgeBatch(List<Candidate> batch, Instant now, Instant deliveredBefore, Instant storedBefore) {
		Map<String, List<DeliveryState>> deliveries = lockDeliveries(batch);
		List<String> due = new ArrayList<>();
		for (Candidate lead : batch) {
			List<DeliveryState> states = deliveries.getOrDefault(lead.leadgenId(), List.of());
			if (states.stream().anyMatch((state) -> state.status().equals("in_flight"))) {
				continue;
			}
			boolean allDelivered = !states.isEmpty() && states.stream()
				.allMatch((state) -> state.status().equals("delivered") && state.endedAt().isBefore(deliveredBefore));
			if (allDelivered || lead.storedAt().isBefore(storedBefore)) {
				due.add(lead.leadgenId());
			}
		}
		if (due.isEmpty()) {
			return new int[2];
		}
		return remove(due, utc(now));
	}

	private Map<String, List<DeliveryState>> lockDeliveries(List<Candidate> batch) {
		List<String> ids = batch.stream().map(Candidate::leadgenId).toList();
		Map<String, List<DeliveryState>> byLead = new HashMap<>();
		this.jdbc
			.query("SELECT leadgen_id, status, COALESCE(delivered_at, updated_at) FROM delivery WHERE leadgen_id IN ("
					+ marks(ids.size()) + ") FOR UPDATE", (rs) -> {
						byLead.computeIfAbsent(rs.getString(1), (key) -> new ArrayList<>())
							.add(new DeliveryState(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
					}, ids.toArray());
		return byLead;
	}

	/** Removes the leads' personal data as every remover does (see the V25 migration). */
	private int[] remove(List<String> leads, OffsetDateTime now) {
		String in = "(" + marks(leads.size()) + ")";
		String deliveriesOf = "(SELECT id FROM delivery WHERE leadgen_id IN " + in + ")";
		Object[] ids = leads.toArray();
		int removed = this.jdbc.update("UPDATE lead SET answers = '{}', consents = NULL, personal_data_removed_at = ?,"
				+ " personal_data_removed_by = 'retention' WHERE personal_data_removed_at IS NULL AND leadgen_id IN "
				+ in, prepend(ids, now));
		this.jdbc.update("DELETE FROM lead_contact WHERE leadgen_id IN " + in, ids);
		// Reasons are typed by a person, and may quote the lead: replaced like errors.
		this.jdbc.update("UPDATE delivery_payload_edit SET previous_payload = '{}', new_payload = '{}',"
				+ " reason = ? WHERE delivery_id IN " + deliveriesOf, prepend(ids, REMOVED));
		this.jdbc.update(
				"UPDATE delivery SET discard_reason = ? WHERE discard_reason IS NOT NULL AND leadgen_id IN " + in,
				prepend(ids, REMOVED));
		this.jdbc.update(
				"UPDATE delivery_attempt SET message = ? WHERE message IS NOT NULL AND delivery_id IN " + deliveriesOf,
				prepend(ids, REMOVED));
		int discarded = this.jdbc.update(
				"UPDATE delivery SET status = 'discarded', discarded_at = ?,"
						+ " discarded_by = 'retention', discard_reason = ?, next_attempt_at = NULL, updated_at = ?"
						+ " WHERE status IN ('pending', 'retrying') AND leadgen_id IN " + in,
				prepend(ids, now, DISCARD_REASON, now));
		this.jdbc.update("UPDATE delivery SET payload = '{}', last_error = CASE WHEN last_error IS NULL THEN NULL"
				+ " ELSE ? END WHERE leadgen_id IN " + in, prepend(ids, REMOVED));
		return new int[] { removed, discarded };
	}

	static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	static Object[] prepend(Object[] ids, Object... first) {
		Object[] all = new Object[first.length + ids.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(ids, 0, all, first.length, ids.length);
		return all;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Candidate(String leadgenId, Instant storedAt) {
	}

	private record DeliveryState(String status, Instant endedAt) {
	}

}
