package io.leadrelay.alert.checks;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.leadrelay.alert.AlertCheck;
import io.leadrelay.alert.AlertCondition;
import io.leadrelay.destination.Destinations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dead letters piling up: at least {@code leadrelay.alert-checks.dead-letters} deliveries
 * to one destination gave up (turned dead) within the last {@code dead-letters-window}.
 * Counted per destination, since the cause and the fix (a CRM's rules, its mapping) are a
 * destination's; a dead letter counts from when it turned dead, as the dashboard counts
 * it ({@code ix_delivery_ended}: status, updated_at).
 */
@Component
class DeadLettersCheck implements AlertCheck {

	static final String KIND = "dead-letters";

	private final JdbcClient jdbc;

	private final Destinations destinations;

	private final AlertChecksProperties properties;

	private final Clock clock;

	DeadLettersCheck(JdbcClient jdbc, Destinations destinations, AlertChecksProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.destinations = destinations;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public List<AlertCondition> check() {
		List<DeadCount> counts = this.jdbc.sql("""
				SELECT destination_id, COUNT(*) AS dead FROM delivery
				WHERE status = 'dead' AND updated_at >= :since GROUP BY destination_id ORDER BY destination_id""")
			.param("since", this.clock.instant().minus(this.properties.deadLettersWindow()).atOffset(ZoneOffset.UTC))
			.query(DeadCount.class)
			.list();
		if (counts.stream().noneMatch(this::tooMany)) {
			return List.of();
		}
		Map<String, String> names = this.destinations.names();
		return counts.stream()
			.filter(this::tooMany)
			.map((count) -> condition(count, names.getOrDefault(count.destinationId(), count.destinationId())))
			.toList();
	}

	private boolean tooMany(DeadCount count) {
		return count.dead() >= this.properties.deadLetters();
	}

	private AlertCondition condition(DeadCount count, String name) {
		String window = Wording.last(this.properties.deadLettersWindow());
		return new AlertCondition(KIND + ":" + count.destinationId(), KIND, "Dead letters pile up for " + name,
				Wording.plural(count.dead(), "lead") + " for " + name + " became dead letters in " + window
						+ " and will not be tried again (the alert starts at " + this.properties.deadLetters()
						+ "). Open one on Deliveries to read the CRM's answer, fix the cause (a required field, "
						+ "the mapping, the CRM's settings), then replay them from the list.",
				"/deliveries?status=dead&destination=" + Wording.param(count.destinationId()));
	}

	record DeadCount(String destinationId, long dead) {

	}

}
