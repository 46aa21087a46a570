package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.leadrelay.destination.Destinations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries as a work queue. Workers claim due deliveries of the destinations that may
 * receive now (as {@link Destinations} says) with {@code FOR UPDATE SKIP LOCKED}, so
 * engines sharing a database never take the same one, and a lease, so those of a crashed
 * engine come back. Only the claim's holder may finish a delivery.
 */
@Component
class DeliveryQueue {

	private static final String DUE = """
			SELECT id, leadgen_id, destination_id, payload, attempts, status, retry_from, payload_revision,
			    COALESCE(event_at, created_at) FROM delivery
			WHERE ((status IN ('pending', 'retrying') AND next_attempt_at <= ?)
			       OR (status = 'in_flight' AND claimed_until < ?))
			  AND destination_id IN (%s)
			ORDER BY next_attempt_at, id
			LIMIT ?
			FOR UPDATE SKIP LOCKED""";

	private final JdbcTemplate jdbc;

	private final Destinations destinations;

	private final Clock clock;

	DeliveryQueue(JdbcTemplate jdbc, Destinations destinations, Clock clock) {
		this.jdbc = jdbc;
		this.destinations = destinations;
		this.clock = clock;
	}

	/**
	 * Claims up to {@code max} due deliveries, of destinations that may receive now, for
	 * {@code lease}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	List<ClaimedDelivery> claim(int max, Duration lease) {
		return claim(max, lease, Set.of());
	}

	/**
	 * Claims up to {@code max} due deliveries, of destinations that may receive now but
	 * those in {@code skip}, for {@code lease}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	List<ClaimedDelivery> claim(int max, Duration lease, Set<String> skip) {
		List<String> receiving = this.destinations.receivingNow().stream().filter((id) -> !skip.contains(id)).toList();
		if (receiving.isEmpty()) {
			return List.of();
		}
		OffsetDateTime now = now();
		String token = UUID.randomUUID().toString();
		List<Object> arguments = new ArrayList<>(List.of(now, now));
		arguments.addAll(receiving);
		arguments.add(max);
		List<ClaimedDelivery> claimed = this.jdbc.query(
				DUE.formatted(String.join(", ", Collections.nCopies(receiving.size(), "?"))),
				(rs, row) -> new ClaimedDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), "in_flight".equals(rs.getString(6)) ? "retrying" : rs.getString(6),
						rs.getObject(7, OffsetDateTime.class).toInstant(), token, rs.getInt(8),
						rs.getObject(9, OffsetDateTime.class).toInstant(), false),
				arguments.toArray());
		if (!claimed.isEmpty()) {
			this.jdbc.batchUpdate("""
					UPDATE delivery SET status = 'in_flight', claimed_by = ?, claimed_until = ?, updated_at = ?
					WHERE id = ?""", claimed, claimed.size(), (statement, delivery) -> {
				statement.setString(1, token);
				statement.setObject(2, now.plus(lease));
				statement.setObject(3, now);
				statement.setLong(4, delivery.id());
			});
		}
		return claimed;
	}

	/** The CRM has it. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean delivered(ClaimedDelivery delivery, String crmRecordId) {
		return this.jdbc.update("""
				UPDATE delivery SET status = 'delivered', attempts = attempts + 1, crm_record_id = ?, last_error = NULL,
				    next_attempt_at = NULL, delivered_at = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ?
				WHERE id = ? AND claimed_by = ?""", crmRecordId, now(), now(), delivery.id(),
				delivery.claimToken()) == 1;
	}

	/** Try again at {@code at}; a throttled try does not count. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean retryAt(ClaimedDelivery delivery, Instant at, String reason, boolean counted) {
		return this.jdbc.update("""
				UPDATE delivery SET status = 'retrying', attempts = attempts + ?, last_error = ?, next_attempt_at = ?,
				    claimed_by = NULL, claimed_until = NULL, updated_at = ?
				WHERE id = ? AND claimed_by = ?""", counted ? 1 : 0, truncate(reason), at.atOffset(ZoneOffset.UTC),
				now(), delivery.id(), delivery.claimToken()) == 1;
	}

	/** Give up: a person must fix and replay it. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean dead(ClaimedDelivery delivery, String reason, boolean counted) {
		return this.jdbc.update("""
				UPDATE delivery SET status = 'dead', attempts = attempts + ?, last_error = ?, next_attempt_at = NULL,
				    claimed_by = NULL, claimed_until = NULL, updated_at = ?
				WHERE id = ? AND claimed_by = ?""", counted ? 1 : 0, truncate(reason), now(), delivery.id(),
				delivery.claimToken()) == 1;
	}

	/**
	 * Hand a delivery back untried, as it was, due at {@code at} (its destination is
	 * paused or its circuit open).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean release(ClaimedDelivery delivery, Instant at) {
		return this.jdbc.update("""
				UPDATE delivery SET status = ?, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL,
				    updated_at = ? WHERE id = ? AND claimed_by = ?""", delivery.status(), at.atOffset(ZoneOffset.UTC),
				now(), delivery.id(), delivery.claimToken()) == 1;
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	static String truncate(String message) {
		if (message == null) {
			return null;
		}
		return (message.length() <= 2000) ? message : message.substring(0, 1997) + "...";
	}

}
