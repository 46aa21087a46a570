package io.leadrelay.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the delivery engine sends mapped leads.
 *
 * @param enabled whether this engine sends deliveries
 * @param concurrency how many calls to CRMs are made at once (worker threads); one
 * destination takes at most half of them
 * @param batchSize how many deliveries one claim takes
 * @param lease how long a claim holds; a crashed engine's deliveries come back after it
 * @param pollInterval how often idle workers look for due deliveries
 * @param retrySchedule waits between tries after a failure, the last one repeating
 * @param retryHorizon how long a delivery is retried (from its creation or replay) before
 * it is dead
 * @param jitter the share of each wait added or taken at random, so that retries spread
 * @param rateLimits calls per second per destination, by destination type, where not the
 * type's default (each connector declares one)
 * @param circuitBreaker when a failing destination is paused
 * @param allowedNetworks blocks of addresses (CIDR) destinations may reach although
 * loopback, link-local, private or otherwise internal; none by default (see
 * {@link NetworkGuard})
 * @param maxInFlight how many claimed deliveries this engine holds at most, queued for a
 * call or in one; it claims more as calls finish
 */
@ConfigurationProperties("leadrelay.delivery")
record DeliveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("16") int concurrency,
		@DefaultValue("500") int batchSize, @DefaultValue("2m") Duration lease,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue( {
				"10s", "1m", "5m", "15m", "1h", "3h", "6h", "12h" }) List<Duration> retrySchedule,
		@DefaultValue("72h") Duration retryHorizon, @DefaultValue("0.2") double jitter,
		@DefaultValue Map<String, Double> rateLimits, @DefaultValue CircuitBreaker circuitBreaker,
		@DefaultValue List<String> allowedNetworks, @DefaultValue("4000") int maxInFlight){

	DeliveryProperties {
		retrySchedule = List.copyOf(retrySchedule);
		rateLimits = Map.copyOf(rateLimits);
		check(concurrency >= 1 && concurrency <= 64, "leadrelay.delivery.concurrency must be between 1 and 64");
		check(batchSize >= 1 && batchSize <= 1000, "leadrelay.delivery.batch-size must be between 1 and 1000");
		check(maxInFlight >= batchSize && maxInFlight <= 100_000,
				"leadrelay.delivery.max-in-flight must be between batch-size and 100000");
		check(lease.compareTo(Duration.ofSeconds(10)) >= 0, "leadrelay.delivery.lease must be at least 10s");
		check(pollInterval.compareTo(Duration.ofMillis(50)) >= 0,
				"leadrelay.delivery.poll-interval must be at least 50ms");
		check(!retrySchedule.isEmpty() && retrySchedule.stream().noneMatch((d) -> d.isNegative() || d.isZero()),
				"leadrelay.delivery.retry-schedule must list one or more positive durations");
		check(retryHorizon.compareTo(Duration.ofMinutes(1)) >= 0,
				"leadrelay.delivery.retry-horizon must be at least 1m");
		check(jitter >= 0 && jitter < 1, "leadrelay.delivery.jitter must be at least 0 and below 1");
		rateLimits
			.forEach((type, limit) -> check(limit > 0, "leadrelay.delivery.rate-limits." + type + " must be above 0"));
		allowedNetworks = List.copyOf(allowedNetworks);
		for (int i = 0; i < allowedNetworks.size(); i++) {
			try {
				IpRange.parse(allowedNetworks.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(NetworkGuard.ALLOWED_NETWORKS + "[" + i + "]: " + ex.getMessage());
			}
		}
	}

	/**
	 * Calls per second allowed to one destination of this type, or {@code byDefault}
	 * where none is set.
	 */
	double rateLimit(String type, double byDefault) {
		return this.rateLimits.getOrDefault(type, byDefault);
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * When a destination's circuit opens: after {@code failureRate} percent of the last
	 * {@code window} calls failed (at least {@code minimumCalls}), its deliveries wait
	 * for {@code openFor} without burning attempts, then a few calls test it.
	 *
	 * @param failureRate the share of failed calls, in percent, that opens the circuit
	 * @param window how many recent calls are counted
	 * @param minimumCalls how many calls are needed before the rate counts
	 * @param openFor how long an open circuit stays open
	 */
	public record CircuitBreaker(@DefaultValue("50") float failureRate, @DefaultValue("20") int window,
			@DefaultValue("5") int minimumCalls, @DefaultValue("30s") Duration openFor) {

		public CircuitBreaker {
			check(failureRate > 0 && failureRate <= 100,
					"leadrelay.delivery.circuit-breaker.failure-rate must be between 0 and 100");
			check(window >= 1 && minimumCalls >= 1,
					"leadrelay.delivery.circuit-breaker.window and minimum-calls must be 1 or more");
			check(openFor.compareTo(Duration.ofSeconds(1)) >= 0,
					"leadrelay.delivery.circuit-breaker.open-for must be at least 1s");
		}

	}

}
