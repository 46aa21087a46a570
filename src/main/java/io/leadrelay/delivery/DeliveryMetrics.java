package io.leadrelay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of deliveries: outcomes by destination, attempt latency, and the
 * queue (how many are waiting, and for how long the oldest has).
 */
@Component
class DeliveryMetrics {

	private final MeterRegistry registry;

	DeliveryMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
		this.registry = registry;
		Gauge
			.builder("leadrelay.deliveries.queued", jdbc,
					(db) -> count(db,
							"SELECT COUNT(*) FROM delivery WHERE status IN ('pending', 'retrying', 'in_flight')"))
			.description("Deliveries not yet delivered or dead")
			.register(registry);
		Gauge
			.builder("leadrelay.deliveries.dead", jdbc,
					(db) -> count(db, "SELECT COUNT(*) FROM delivery WHERE status = 'dead'"))
			.description("Deliveries waiting in the dead-letter queue")
			.register(registry);
		Gauge.builder("leadrelay.deliveries.oldest.queued.age", jdbc, DeliveryMetrics::oldestAgeSeconds)
			.description("Seconds since the oldest queued delivery was created")
			.baseUnit("seconds")
			.register(registry);
	}

	void counted(String destination, String outcome) {
		Counter.builder("leadrelay.deliveries")
			.description("Delivery outcomes")
			.tag("destination", destination)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void attempt(String destination, String outcome, Duration took) {
		Timer.builder("leadrelay.delivery.attempts")
			.description("Calls to CRMs")
			.tag("destination", destination)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(took);
	}

	private static double count(JdbcTemplate jdbc, String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private static double oldestAgeSeconds(JdbcTemplate jdbc) {
		OffsetDateTime oldest = jdbc.queryForObject(
				"SELECT MIN(created_at) FROM delivery WHERE status IN ('pending', 'retrying', 'in_flight')",
				OffsetDateTime.class);
		return (oldest == null) ? 0 : Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0;
	}

}
