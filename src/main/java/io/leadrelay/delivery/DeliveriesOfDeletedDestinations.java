package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.destination.WaitingDeliveries;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the destination feature about the deliveries that wait for a destination it is
 * deleting, and gives them up when asked. A delivery a worker has claimed is given up
 * too: its claim is cleared, so the worker's outcome, written only by the claim's holder
 * (see {@link DeliveryQueue}), finds nothing to update and is dropped; the delivery stays
 * dead, and its last error says that the CRM may have received that try.
 */
@Component
class DeliveriesOfDeletedDestinations implements WaitingDeliveries {

	/** Added to the reason of a delivery that was being tried when it was given up. */
	static final String IN_FLIGHT = " while a try was in flight: the CRM may have received it";

	private static final String WAITING = "status IN ('pending', 'retrying', 'in_flight')";

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	DeliveriesOfDeletedDestinations(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public int count(String destinationId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE destination_id = ? AND " + WAITING,
				Integer.class, destinationId);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int abandon(String destinationId, String reason, String actor) {
		List<Waiting> waiting = this.jdbc.query(
				"SELECT id, leadgen_id, status FROM delivery WHERE destination_id = ? AND " + WAITING
						+ " ORDER BY id FOR UPDATE",
				(rs, row) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3)), destinationId);
		if (waiting.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		OffsetDateTime timestamp = now.atOffset(ZoneOffset.UTC);
		this.jdbc.batchUpdate("""
				UPDATE delivery SET status = 'dead', last_error = ?, next_attempt_at = NULL, claimed_by = NULL,
				    claimed_until = NULL, updated_at = ? WHERE id = ?""", waiting, waiting.size(),
				(statement, delivery) -> {
					statement.setString(1, DeliveryQueue.truncate(
							DeliveryStatus.IN_FLIGHT.code().equals(delivery.status()) ? reason + IN_FLIGHT : reason));
					statement.setObject(2, timestamp);
					statement.setLong(3, delivery.id());
				});
		this.audit.recordAll(waiting.stream()
			.map((delivery) -> new AuditEntry(now, actor, "delivery.dead", "lead", delivery.leadgenId(),
					AuditDetails.of("destination", destinationId, "delivery", delivery.id(), "reason", reason, "was",
							delivery.status())))
			.toList());
		return waiting.size();
	}

	private record Waiting(long id, String leadgenId, String status) {
	}

}
