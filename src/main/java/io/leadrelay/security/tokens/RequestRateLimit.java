package io.leadrelay.security.tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * At most {@code requests} a {@code window} per token, as a generic cell rate algorithm:
 * each request moves the instant at which the token's budget is full again forward by
 * {@code window / requests}; a request that would move it more than a window ahead of now
 * is refused. A token may spend its whole budget in a burst, then one request each
 * {@code window / requests}. The state is that one instant, so engines sharing a database
 * share the limit by storing it with a compare-and-set.
 */
final class RequestRateLimit {

	private final long intervalMicros;

	private final long windowMicros;

	RequestRateLimit(int requests, Duration window) {
		if (requests < 1) {
			throw new IllegalArgumentException("requests must be at least 1, not " + requests);
		}
		this.windowMicros = toMicros(window);
		this.intervalMicros = this.windowMicros / requests;
	}

	/**
	 * Takes one request from a budget that is full at {@code fullAtMicros} (epoch
	 * microseconds; 0 for a token never used).
	 */
	Decision take(long fullAtMicros, Instant now) {
		long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
		long next = Math.max(fullAtMicros, nowMicros) + this.intervalMicros;
		long excess = next - nowMicros - this.windowMicros;
		if (excess > 0) {
			return new Decision(false, fullAtMicros, Duration.of(excess, ChronoUnit.MICROS));
		}
		return new Decision(true, next, Duration.ZERO);
	}

	private static long toMicros(Duration duration) {
		return duration.toNanos() / 1000;
	}

	/**
	 * What a request may do.
	 *
	 * @param allowed whether it may go on
	 * @param fullAtMicros the state to store when it is allowed
	 * @param retryAfter how long until one more request fits when it is not
	 */
	record Decision(boolean allowed, long fullAtMicros, Duration retryAfter) {

		/** Whole seconds to wait, for a {@code Retry-After} header: at least 1. */
		long retryAfterSeconds() {
			long seconds = this.retryAfter.toSeconds();
			return (this.retryAfter.toNanosPart() > 0 || seconds == 0) ? seconds + 1 : seconds;
		}

	}

}
