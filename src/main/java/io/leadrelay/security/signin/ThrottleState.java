package io.leadrelay.security.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins of one user name or address.
 *
 * @param failures failures in a row since the last lockout (or the start)
 * @param lockouts lockouts in a row
 * @param lastFailureAt the last failure, or {@code null} for a fresh subject
 * @param lockedUntil when the last lockout ends, or {@code null} if there was none
 */
record ThrottleState(int failures, int lockouts, Instant lastFailureAt, Instant lockedUntil) {

	static final ThrottleState FRESH = new ThrottleState(0, 0, null, null);

	/**
	 * Whether the subject has been quiet long enough to start afresh: {@code quiet} since
	 * its last failure and since the end of its last lockout.
	 */
	boolean forgottenAt(Instant now, Duration quiet) {
		Instant last = (this.lockedUntil != null && this.lockedUntil.isAfter(this.lastFailureAt)) ? this.lockedUntil
				: this.lastFailureAt;
		return last == null || !now.isBefore(last.plus(quiet));
	}

}
