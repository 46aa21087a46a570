package io.leadrelay.delivery;

import java.time.Duration;

/**
 * Permits to call a destination, at most so many calls per second.
 */
@FunctionalInterface
interface DestinationRateLimiter {

	/**
	 * Waits up to {@code maxWait} for a permit to call the destination now.
	 * @param destinationId the destination
	 * @param callsPerSecond its limit
	 * @param maxWait how long to wait at most
	 * @return false when no permit came in time (or the thread was interrupted)
	 */
	boolean acquire(String destinationId, double callsPerSecond, Duration maxWait);

}
