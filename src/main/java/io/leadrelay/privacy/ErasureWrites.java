package io.leadrelay.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.delivery.CrmErasures.CrmErasure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of one erasure, in one transaction: a lead keeps its row (ids, times,
 * status) but not its answers or search terms; a delivery keeps its row (status,
 * attempts, CRM id) but not its payload, and its error, its attempts' messages and its
 * edits' reasons lose the person's values; the Pipedrive persons remembered for their
 * email are forgotten; the deliveries still waiting are discarded (never sent empty,
 * refused while one is being sent); the person is suppressed; the audit trail says how
 * much was removed, and by whom, without the person's data.
 */
@Component
class ErasureWrites {

	static final String DISCARD_REASON = "Its person's data was erased before it was sent";

	static final String SENDING = "One of this person's deliveries is being sent to its destination right now. "
			+ "Nothing was erased; try again in a minute.";

	private final JdbcTemplate jdbc;

	private final Suppressions suppressions;

	private final AuditLog audit;

	private final Clock clock;

	ErasureWrites(JdbcTemplate jdbc, Suppressions suppressions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.suppressions = suppressions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Counts remove(Found found, PersonKey key, boolean askCrms, List<CrmErasure> crm, String actor) {
		Instant now = this.clock.instant();
		Collection<String> leads = found.leadIds();
		int searchTerms = 0;
		for (String leadId : leads) {
			this.jdbc
				.update("""
						UPDATE lead SET answers = '{}', consents = NULL, personal_data_removed_at = COALESCE(personal_data_removed_at, ?),
						    personal_data_removed_by = COALESCE(personal_data_removed_by, 'erasure') WHERE leadgen_id = ?""",
						now.atOffset(ZoneOffset.UTC), leadId);
			searchTerms += this.jdbc.update("DELETE FROM lead_contact WHERE leadgen_id = ?", leadId);
			scrub("lead_event", "id", "last_error", "leadgen_id", leadId, found.scrubber());
		}
		int discarded = discardWaiting(found.deliveryIds(), actor, now);
		int attempts = 0;
		int edits = 0;
		for (Long deliveryId : found.deliveryIds()) {
			this.jdbc.update("UPDATE delivery SET payload = '{}' WHERE id = ?", deliveryId);
			scrub("delivery", "id", "last_error", "id", deliveryId, found.scrubber());
			scrub("delivery", "id", "discard_reason", "id", deliveryId, found.scrubber());
			attempts += scrub("delivery_attempt", "id", "message", "delivery_id", deliveryId, found.scrubber());
			edits += this.jdbc.update(
					"UPDATE delivery_payload_edit SET previous_payload = '{}', new_payload = '{}' WHERE delivery_id = ?",
					deliveryId);
			scrub("delivery_payload_edit", "id", "reason", "delivery_id", deliveryId, found.scrubber());
		}
		int pipedrive = 0;
		for (String email : found.emails()) {
			pipedrive += this.jdbc.update("DELETE FROM pipedrive_person WHERE email_key = ?",
					PersonExport.emailKey(email));
		}
		this.suppressions.suppress(found.suppress());
		String reference = "erasure-" + UUID.randomUUID();
		Counts counts = new Counts(reference, discarded, attempts, edits, searchTerms, pipedrive);
		audit(found, key, askCrms, crm, actor, now, counts);
		return counts;
	}

	private void audit(Found found, PersonKey key, boolean askCrms, List<CrmErasure> crm, String actor, Instant now,
			Counts counts) {
		List<AuditEntry> entries = new ArrayList<>();
		for (String leadId : found.leadIds()) {
			entries.add(new AuditEntry(now, actor, "lead.personal_data_removed", "lead", leadId,
					AuditDetails.of("by", "erasure", "erasure", counts.reference())));
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("searchedBy", key.kind().code());
		details.put("leads", found.leadIds().size());
		details.put("deliveries", found.deliveryIds().size());
		details.put("deliveriesDiscarded", counts.discarded());
		details.put("attemptsScrubbed", counts.attempts());
		details.put("payloadEdits", counts.payloadEdits());
		details.put("searchTerms", counts.searchTerms());
		details.put("pipedrivePersons", counts.pipedrivePersons());
		details.put("suppressions", found.suppress().size());
		details.put("askCrms", askCrms);
		for (CrmErasure.Outcome outcome : CrmErasure.Outcome.values()) {
			long n = crm.stream().filter((o) -> o.outcome() == outcome).count();
			if (n > 0) {
				details.put("crm" + outcome.name(), n);
			}
		}
		entries.add(new AuditEntry(now, actor, "person.erased", "person", counts.reference(), details));
		this.audit.recordAll(entries);
	}

	/**
	 * Refuses the erasure, before anything is changed (CRMs included), when one of the
	 * deliveries is being sent right now: its sender still holds the person's data.
	 */
	void refuseWhileSending(List<Long> deliveryIds) {
		refuseIfSending(statuses(deliveryIds, ""));
	}

	/**
	 * Discards the deliveries still waiting to be sent, under a lock, so that no empty
	 * payload is ever sent (as the retention purge does); one whose sending engine's
	 * lease ran out is waiting too.
	 * @return how many were discarded
	 */
	private int discardWaiting(List<Long> deliveryIds, String actor, Instant now) {
		List<Long> waiting = refuseIfSending(statuses(deliveryIds, " FOR UPDATE"));
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		for (Long id : waiting) {
			this.jdbc.update("""
					UPDATE delivery SET status = 'discarded', discarded_at = ?, discarded_by = ?, discard_reason = ?,
					    next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE id = ?""",
					at, actor, DISCARD_REASON, at, id);
		}
		return waiting.size();
	}

	/** The deliveries waiting to be sent; refuses when one is being sent. */
	private List<Long> refuseIfSending(List<Delivery> deliveries) {
		Instant now = this.clock.instant();
		List<Long> waiting = new ArrayList<>();
		for (Delivery delivery : deliveries) {
			boolean leased = delivery.claimedUntil() != null && delivery.claimedUntil().isAfter(now);
			if ("in_flight".equals(delivery.status()) && leased) {
				throw new ErasureRefusedException(SENDING);
			}
			if (List.of("pending", "retrying", "in_flight").contains(delivery.status())) {
				waiting.add(delivery.id());
			}
		}
		return waiting;
	}

	private List<Delivery> statuses(List<Long> deliveryIds, String lock) {
		if (deliveryIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(
				"SELECT id, status, claimed_until FROM delivery WHERE id IN (" + PersonRecords.marks(deliveryIds.size())
						+ ") ORDER BY id" + lock,
				(rs, row) -> new Delivery(rs.getLong(1), rs.getString(2),
						Optional.ofNullable(rs.getObject(3, OffsetDateTime.class))
							.map(OffsetDateTime::toInstant)
							.orElse(null)),
				deliveryIds.toArray());
	}

	/**
	 * Scrubs one column of the rows whose {@code where} is {@code value}; how many
	 * changed.
	 */
	private int scrub(String table, String idColumn, String column, String where, Object value, Scrubber scrubber) {
		int changed = 0;
		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT " + idColumn + " AS row_id, " + column
				+ " AS text FROM " + table + " WHERE " + where + " = ? AND " + column + " IS NOT NULL", value);
		for (Map<String, Object> row : rows) {
			String text = (String) row.get("text");
			String scrubbed = scrubber.scrub(text);
			if (!scrubbed.equals(text)) {
				changed += this.jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE " + idColumn + " = ?",
						scrubbed, row.get("row_id"));
			}
		}
		return changed;
	}

	/**
	 * What was found of the person before anything was removed.
	 *
	 * @param leadIds their leads
	 * @param deliveryIds those leads' deliveries
	 * @param scrubber takes their values out of texts
	 * @param emails their emails (for the Pipedrive persons remembered)
	 * @param suppress what they are known by
	 */
	record Found(List<String> leadIds, List<Long> deliveryIds, Scrubber scrubber, Set<String> emails,
			Set<PersonKey> suppress) {

	}

	private record Delivery(long id, String status, Instant claimedUntil) {

	}

	/**
	 * What one erasure removed.
	 *
	 * @param reference the erasure's reference
	 * @param discarded deliveries discarded before they were sent
	 * @param attempts attempts whose messages were scrubbed
	 * @param payloadEdits payload edits cleared
	 * @param searchTerms search terms deleted
	 * @param pipedrivePersons Pipedrive persons forgotten
	 */
	record Counts(String reference, int discarded, int attempts, int payloadEdits, int searchTerms,
			int pipedrivePersons) {

	}

}
