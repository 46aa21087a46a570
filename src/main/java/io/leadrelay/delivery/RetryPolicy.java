package io.leadrelay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import io.leadrelay.destination.DestinationView;

import org.springframework.boot.convert.DurationStyle;

/**
 * When a delivery that failed is tried again: the CRM's own wait when it gave one, else
 * the schedule (the last step repeating) with jitter; never past the horizon.
 */
final class RetryPolicy {

	private final List<Duration> schedule;

	private final Duration horizon;

	private final double jitter;

	private final DoubleSupplier random;

	RetryPolicy(List<Duration> schedule, Duration horizon, double jitter, DoubleSupplier random) {
		this.schedule = List.copyOf(schedule);
		this.horizon = horizon;
		this.jitter = jitter;
		this.random = random;
	}

	static RetryPolicy of(DeliveryProperties properties) {
		return new RetryPolicy(properties.retrySchedule(), properties.retryHorizon(), properties.jitter(),
				Math::random);
	}

	/**
	 * The policy for one destination: the engine's, with the schedule and horizon its
	 * settings override (checked when the destination was saved).
	 */
	static RetryPolicy of(DeliveryProperties properties, Map<String, String> settings) {
		String schedule = settings.get(DestinationView.RETRY_SCHEDULE);
		String horizon = settings.get(DestinationView.RETRY_HORIZON);
		if (schedule == null && horizon == null) {
			return of(properties);
		}
		return new RetryPolicy((schedule != null)
				? Arrays.stream(schedule.split(",")).map((step) -> DurationStyle.detectAndParse(step.strip())).toList()
				: properties.retrySchedule(),
				(horizon != null) ? DurationStyle.detectAndParse(horizon.strip()) : properties.retryHorizon(),
				properties.jitter(), Math::random);
	}

	/**
	 * The next try after {@code attempts} counted tries, or empty when the horizon has
	 * passed.
	 * @param requested the wait the CRM asked for, or {@code null}
	 */
	Optional<Instant> next(int attempts, Instant retryFrom, Instant now, Duration requested) {
		Duration wait = (requested != null) ? requested : scheduled(attempts);
		Instant at = now.plus(wait);
		return at.isAfter(retryFrom.plus(this.horizon)) ? Optional.empty() : Optional.of(at);
	}

	private Duration scheduled(int attempts) {
		Duration base = this.schedule.get(Math.min(Math.max(attempts - 1, 0), this.schedule.size() - 1));
		long spread = (long) (base.toMillis() * this.jitter * (2 * this.random.getAsDouble() - 1));
		return base.plusMillis(spread);
	}

	Duration horizon() {
		return this.horizon;
	}

}
