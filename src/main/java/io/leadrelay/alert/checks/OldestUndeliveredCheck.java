package io.leadrelay.alert.checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.leadrelay.alert.AlertCheck;
import io.leadrelay.alert.AlertCondition;
import io.leadrelay.destination.Destinations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leads late: the oldest delivery still waiting (pending, retrying or being sent) was
 * made longer than {@code leadrelay.alert-checks.oldest-undelivered} ago, measured as the
 * {@code leadrelay.deliveries.oldest.queued.age} gauge measures it (from the delivery's
 * creation). Only destinations that may receive now count: a disabled one waits by
 * choice, and one whose credentials were refused has an alert of its own.
 */
@Component
class OldestUndeliveredCheck implements AlertCheck {

	static final String KIND = "oldest-undelivered";

	private final JdbcClient jdbc;

	private final Destinations destinations;

	private final AlertChecksProperties properties;

	private final Clock clock;

	OldestUndeliveredCheck(JdbcClient jdbc, Destinations destinations, AlertChecksProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.destinations = destinations;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public List<AlertCondition> check() {
		List<String> receiving = this.destinations.receivingNow();
		if (receiving.isEmpty()) {
			return List.of();
		}
		List<Waiting> oldest = this.jdbc.sql("""
				SELECT destination_id, created_at FROM delivery
				WHERE status IN ('pending', 'retrying', 'in_flight') AND destination_id IN (:receiving)
				ORDER BY created_at FETCH FIRST 1 ROWS ONLY""")
			.param("receiving", receiving)
			.query(Waiting.class)
			.list();
		if (oldest.isEmpty()) {
			return List.of();
		}
		Instant since = oldest.get(0).createdAt().toInstant();
		Duration waited = Duration.between(since, this.clock.instant());
		if (waited.compareTo(this.properties.oldestUndelivered()) < 0) {
			return List.of();
		}
		long waiting = this.jdbc.sql("""
				SELECT COUNT(*) FROM delivery
				WHERE status IN ('pending', 'retrying', 'in_flight') AND destination_id IN (:receiving)""")
			.param("receiving", receiving)
			.query(Long.class)
			.single();
		Map<String, String> names = this.destinations.names();
		String destination = names.getOrDefault(oldest.get(0).destinationId(), oldest.get(0).destinationId());
		return List.of(new AlertCondition(KIND, KIND,
				"Leads are late: waiting longer than " + Wording.duration(this.properties.oldestUndelivered())
						+ " to be delivered",
				"The oldest lead waiting to be sent (to " + destination + ") has waited " + Wording.duration(waited)
						+ ", since " + Wording.minute(since) + "; " + Wording.plural(waiting, "delivery")
						+ " wait in all. "
						+ "On Deliveries, the waiting ones show the CRM's last answer: usually a CRM that is down "
						+ "or slow, or the engine is stopped; they are retried on their own once the CRM answers.",
				"/deliveries"));
	}

	record Waiting(String destinationId, OffsetDateTime createdAt) {

	}

}
