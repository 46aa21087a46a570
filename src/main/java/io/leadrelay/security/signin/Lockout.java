package io.leadrelay.security.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * A user name or an address may not sign in until {@code until}.
 *
 * @param until when the lockout ends
 * @param remaining how long until then, at least one second
 */
public record Lockout(Instant until, Duration remaining) {

	static Lockout until(Instant until, Instant now) {
		Duration remaining = Duration.between(now, until);
		return new Lockout(until, (remaining.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : remaining);
	}

	/** Whole seconds to wait, rounded up, as HTTP's {@code Retry-After} wants them. */
	public long retryAfterSeconds() {
		return this.remaining.plusNanos(999_999_999).getSeconds();
	}

	/** The wait in words for a person: "30 seconds", "1 minute", "15 minutes". */
	public String inWords() {
		long seconds = retryAfterSeconds();
		if (seconds < 60) {
			return seconds + ((seconds == 1) ? " second" : " seconds");
		}
		long minutes = (seconds + 59) / 60;
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

}
