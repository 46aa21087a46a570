package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one new delivery now, while a person waits (a test lead), the way the delivery
 * engine would: through the destination's guards and connector, recording the attempt,
 * the delivery's new status and the lead's timeline. The delivery is held (claimed, as a
 * worker would) in the transaction that adds it, so the engine's workers leave it alone;
 * should this engine stop before sending it, the hold runs out and a worker sends it.
 */
@Service
public class DeliveriesNow {

	/** How long a held delivery is left to this class before a worker may take it. */
	static final Duration HOLD = Duration.ofMinutes(2);

	private final JdbcTemplate jdbc;

	private final DestinationDispatcher dispatcher;

	private final Deliveries deliveries;

	private final Clock clock;

	DeliveriesNow(JdbcTemplate jdbc, DestinationDispatcher dispatcher, Deliveries deliveries, Clock clock) {
		this.jdbc = jdbc;
		this.dispatcher = dispatcher;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/**
	 * Holds the pending delivery of the lead to the destination, in the caller's
	 * transaction (the one that {@link DeliveryStore#add added} it).
	 * @return the hold, for {@link #send}; {@code null} when there is no pending delivery
	 * (it started dead: its mapping failed)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String hold(String leadgenId, String destinationId) {
		String token = UUID.randomUUID().toString();
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		int held = this.jdbc.update("""
				UPDATE delivery SET status = 'in_flight', claimed_by = ?, claimed_until = ?, updated_at = ?
				WHERE leadgen_id = ? AND destination_id = ? AND status = 'pending'""", token, now.plus(HOLD), now,
				leadgenId, destinationId);
		return (held == 1) ? token : null;
	}

	/**
	 * Sends the held delivery of a test lead now, after the transaction that held it.
	 * @return the delivery as it stands after the try, with that try
	 */
	public Sent send(String leadgenId, String destinationId, String hold) {
		List<ClaimedDelivery> held = this.jdbc.query("""
				SELECT id, leadgen_id, destination_id, payload, attempts, retry_from, payload_revision,
				    COALESCE(event_at, created_at) FROM delivery
				WHERE leadgen_id = ? AND destination_id = ? AND claimed_by = ?""",
				(rs, row) -> new ClaimedDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), "pending", rs.getObject(6, OffsetDateTime.class).toInstant(), hold, rs.getInt(7),
						rs.getObject(8, OffsetDateTime.class).toInstant(), true),
				leadgenId, destinationId, hold);
		if (held.isEmpty()) {
			throw new IllegalStateException("No delivery of " + leadgenId + " to " + destinationId + " is held");
		}
		ClaimedDelivery delivery = held.get(0);
		this.dispatcher.dispatch(destinationId, held);
		List<DeliveryAttemptView> attempts = this.deliveries.attempts(delivery.id());
		return new Sent(this.deliveries.get(delivery.id()),
				attempts.isEmpty() ? null : attempts.get(attempts.size() - 1));
	}

	/**
	 * A delivery after it was sent now.
	 *
	 * @param delivery the delivery as it stands
	 * @param attempt the try just made, or {@code null} when it was not tried (the
	 * destination is paused, or its CRM was failing: it waits for a worker)
	 */
	public record Sent(DeliveryView delivery, DeliveryAttemptView attempt) {
	}

}
