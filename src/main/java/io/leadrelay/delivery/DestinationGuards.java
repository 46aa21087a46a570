package io.leadrelay.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.stereotype.Component;

/**
 * A circuit breaker (Resilience4j, this engine's own) and a rate limit (shared by every
 * engine on the database) per destination, so that one slow or failing CRM neither floods
 * nor is flooded, and other destinations go on.
 */
@Component
class DestinationGuards {

	/** How long a worker waits for the rate limiter before handing the rest back. */
	static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(5);

	private final DeliveryProperties properties;

	private final DestinationRateLimiter limiter;

	private final Map<String, Guard> guards = new ConcurrentHashMap<>();

	DestinationGuards(DeliveryProperties properties, DestinationRateLimiter limiter) {
		this.properties = properties;
		this.limiter = limiter;
	}

	Guard forDestination(String destinationId, Connector connector) {
		return this.guards.computeIfAbsent(destinationId + "|" + connector.code(),
				(key) -> create(destinationId, connector));
	}

	private Guard create(String destinationId, Connector connector) {
		DeliveryProperties.CircuitBreaker settings = this.properties.circuitBreaker();
		CircuitBreaker breaker = CircuitBreaker.of(destinationId,
				CircuitBreakerConfig.custom()
					.failureRateThreshold(settings.failureRate())
					.slidingWindowSize(settings.window())
					.minimumNumberOfCalls(settings.minimumCalls())
					.waitDurationInOpenState(settings.openFor())
					.permittedNumberOfCallsInHalfOpenState(1)
					.recordExceptions(CrmUnavailable.class)
					.build());
		double perSecond = this.properties.rateLimit(connector.code(), connector.defaultRateLimit());
		return new Guard(breaker, () -> this.limiter.acquire(destinationId, perSecond, RATE_LIMIT_WAIT), perSecond);
	}

	/**
	 * The guards of one destination.
	 *
	 * @param breaker opens when the CRM keeps failing
	 * @param permit waits up to {@link #RATE_LIMIT_WAIT} for the rate limit to allow a
	 * call; false when it did not
	 * @param callsPerSecond the destination's rate limit
	 */
	record Guard(CircuitBreaker breaker, BooleanSupplier permit, double callsPerSecond) {

		/**
		 * How many deliveries calls of {@code perCall} leads can carry within
		 * {@code time} at the rate limit (calls
		 * {@link DatabaseRateLimiter#HEADROOM}/limit apart); at least one call's worth.
		 */
		int sendableWithin(Duration time, int perCall) {
			double calls = this.callsPerSecond / DatabaseRateLimiter.HEADROOM * time.toMillis() / 1000.0;
			return (int) Math.max(perCall, Math.min(Integer.MAX_VALUE, Math.floor(calls) * perCall));
		}

	}

	/** A try that counts as a failure of the CRM for the circuit breaker. */
	static final class CrmUnavailable extends RuntimeException {

		CrmUnavailable(String message) {
			super(message, null, false, false);
		}

	}

}
