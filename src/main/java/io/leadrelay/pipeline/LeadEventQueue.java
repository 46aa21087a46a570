package io.leadrelay.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored lead events as a work queue. Workers claim due events with
 * {@code FOR UPDATE SKIP LOCKED} (so two workers, or two engines on one PostgreSQL, never
 * take the same event) and a lease (so a crashed worker's events come back). Every status
 * change is audited; a worker whose lease ran out can no longer change its event.
 */
@Service
class LeadEventQueue {

	private static final String FINISH = """
			UPDATE lead_event SET status = ?, last_error = ?, attempts = attempts + 1, claimed_by = NULL,
			    claimed_until = NULL, next_attempt_at = NULL WHERE id = ? AND claimed_by = ?""";

	private static final String DUE = """
			SELECT id, leadgen_id, page_id, form_id, attempts, received_at FROM lead_event
			WHERE status IN ('received', 'enriching')
			  AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
			  AND (claimed_until IS NULL OR claimed_until < ?)
			ORDER BY id
			LIMIT ?
			FOR UPDATE SKIP LOCKED""";

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	LeadEventQueue(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Claim up to {@code max} due events for {@code lease}; new ones become
	 * {@code enriching}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public List<ClaimedLeadEvent> claim(int max, Duration lease) {
		OffsetDateTime now = now();
		String token = UUID.randomUUID().toString();
		List<ClaimedLeadEvent> claimed = this.jdbc.query(DUE,
				(rs, row) -> new ClaimedLeadEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), rs.getObject(6, OffsetDateTime.class).toInstant(), token),
				now, now, max);
		if (claimed.isEmpty()) {
			return claimed;
		}
		this.jdbc.batchUpdate(
				"UPDATE lead_event SET claimed_by = ?, claimed_until = ?, status = 'enriching' WHERE id = ?", claimed,
				claimed.size(), (statement, event) -> {
					statement.setString(1, token);
					statement.setObject(2, now.plus(lease));
					statement.setLong(3, event.id());
				});
		this.audit.recordAll(claimed.stream()
			.filter((event) -> event.attempts() == 0)
			.map((event) -> entry(event.leadgenId(), "lead.enriching", null))
			.toList());
		return claimed;
	}

	/**
	 * End the event's processing with a final status (mapped, filtered, failed) or park
	 * it (needs_token). Runs in the caller's transaction, so that what the worker wrote
	 * commits with it.
	 * @return {@code false} when the lease had run out and another worker holds the event
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean finish(ClaimedLeadEvent event, LeadEventStatus status, String message) {
		int updated = this.jdbc.update(FINISH, status.code(), truncate(message), event.id(), event.claimToken());
		if (updated == 1) {
			audit(event.leadgenId(), "lead." + status.code(), message);
		}
		return updated == 1;
	}

	/**
	 * {@link #finish Finishes} several events in one batch, without auditing it yet (see
	 * {@link #audit(List)}): so that a group of leads can be finished first and only
	 * those still held written. Runs in the caller's transaction.
	 * @return for each ending, whether its event was finished ({@code false}: the lease
	 * had run out and another worker holds it)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean[] finishAll(List<Ending> endings) {
		int[][] counts = this.jdbc.batchUpdate(FINISH, endings, endings.size(), (statement, ending) -> {
			statement.setString(1, ending.status().code());
			statement.setString(2, truncate(ending.message()));
			statement.setLong(3, ending.event().id());
			statement.setString(4, ending.event().claimToken());
		});
		boolean[] finished = new boolean[endings.size()];
		int index = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				finished[index++] = count == 1;
			}
		}
		return finished;
	}

	/** The audit entries of endings {@link #finishAll finished}, in their order. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void audit(List<Ending> finished) {
		this.audit.recordAll(finished.stream()
			.map((ending) -> entry(ending.event().leadgenId(), "lead." + ending.status().code(), ending.message()))
			.toList());
	}

	/** Put the event back until {@code at}, keeping it {@code enriching}. */
	@Transactional
	public boolean retryLater(ClaimedLeadEvent event, Instant at, String reason) {
		int updated = this.jdbc.update("""
				UPDATE lead_event SET last_error = ?, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL,
				    next_attempt_at = ? WHERE id = ? AND claimed_by = ?""", truncate(reason),
				at.atOffset(ZoneOffset.UTC), event.id(), event.claimToken());
		if (updated == 1) {
			audit(event.leadgenId(), "lead.retry_scheduled", reason);
		}
		return updated == 1;
	}

	/**
	 * Send the page's parked leads through again, now that it may fetch them. Runs in a
	 * transaction of its own, as it is called after the page's change has committed.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int resumeParked(String pageId) {
		List<String> leadgenIds = this.jdbc.queryForList(
				"SELECT leadgen_id FROM lead_event WHERE page_id = ? AND status = 'needs_token'", String.class, pageId);
		this.jdbc.update("""
				UPDATE lead_event SET status = 'received', next_attempt_at = NULL, last_error = NULL
				WHERE page_id = ? AND status = 'needs_token'""", pageId);
		leadgenIds.forEach((id) -> this.audit.record(new AuditEntry(this.clock.instant(), "system", "lead.resumed",
				"lead", id, AuditDetails.of("pageId", pageId))));
		return leadgenIds.size();
	}

	private void audit(String leadgenId, String action, String message) {
		this.audit.record(entry(leadgenId, action, message));
	}

	private AuditEntry entry(String leadgenId, String action, String message) {
		return new AuditEntry(this.clock.instant(), "system", action, "lead", leadgenId,
				AuditDetails.of("message", truncate(message)));
	}

	private static String truncate(String message) {
		return (message == null || message.length() <= 1000) ? message : message.substring(0, 1000);
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	/**
	 * How one claimed event ends.
	 *
	 * @param event the event
	 * @param status its final status
	 * @param message why, or {@code null}
	 */
	record Ending(ClaimedLeadEvent event, LeadEventStatus status, String message) {
	}

}
