package io.leadrelay.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import org.springframework.stereotype.Component;

/**
 * A circuit breaker and a rate limiter per destination (Resilience4j), so that one slow
 * or failing CRM neither floods nor is flooded, and other destinations go on.
 */
@Component
class DestinationGuards {

	/** How long a worker waits for the rate limiter before handing the rest back. */
	static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(5);

	private final DeliveryProperties properties;

	private final Map<String, Guard> guards = new ConcurrentHashMap<>();

	DestinationGuards(DeliveryProperties properties) {
		this.properties = properties;
	}

	Guard forDestination(String destinationId, String type) {
		return this.guards.computeIfAbsent(destinationId + "|" + type, (key) -> create(destinationId, type));
	}

	private Guard create(String destinationId, String type) {
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
		double perSecond = this.properties.rateLimit(type);
		int permits = (int) Math.max(1, Math.round(perSecond));
		Duration period = Duration.ofNanos((long) (1_000_000_000L * permits / perSecond));
		RateLimiter limiter = RateLimiter.of(destinationId,
				RateLimiterConfig.custom()
					.limitForPeriod(permits)
					.limitRefreshPeriod(period)
					.timeoutDuration(RATE_LIMIT_WAIT)
					.build());
		return new Guard(breaker, limiter);
	}

	/**
	 * The guards of one destination.
	 *
	 * @param breaker opens when the CRM keeps failing
	 * @param limiter spaces calls to the CRM
	 */
	record Guard(CircuitBreaker breaker, RateLimiter limiter) {
	}

	/** A try that counts as a failure of the CRM for the circuit breaker. */
	static final class CrmUnavailable extends RuntimeException {

		CrmUnavailable(String message) {
			super(message, null, false, false);
		}

	}

}
