package io.leadrelay.security.mfa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts wrong codes at the second sign-in step, per user, and locks the step after
 * {@code maxFailures} of them: first for {@code firstLockout}, then twice as long at each
 * new lockout, never longer than {@code maxLockout}. A right code forgets the count. The
 * same rule, and the same settings, as the throttle of passwords.
 */
class TwoFactorThrottle {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int maxFailures;

	private final Duration firstLockout;

	private final Duration maxLockout;

	TwoFactorThrottle(JdbcTemplate jdbc, Clock clock, int maxFailures, Duration firstLockout, Duration maxLockout) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.firstLockout = firstLockout;
		this.maxLockout = maxLockout;
	}

	/** Until when the step is locked for a user, if it is now. */
	Optional<Instant> lockedUntil(long userId) {
		Instant now = this.clock.instant();
		return this.jdbc
			.queryForList("SELECT locked_until FROM two_factor_failure WHERE user_id = ?", OffsetDateTime.class, userId)
			.stream()
			.filter((until) -> until != null && until.toInstant().isAfter(now))
			.map(OffsetDateTime::toInstant)
			.findFirst();
	}

	/**
	 * Counts a wrong code.
	 * @return until when the step is now locked, or empty when this failure did not lock
	 * it
	 */
	Optional<Instant> recordFailure(long userId) {
		int updated = this.jdbc.update("UPDATE two_factor_failure SET failures = failures + 1 WHERE user_id = ?",
				userId);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO two_factor_failure (user_id, failures, lockouts) VALUES (?, 1, 0)", userId);
		}
		Integer failures = this.jdbc.queryForObject("SELECT failures FROM two_factor_failure WHERE user_id = ?",
				Integer.class, userId);
		if (failures == null || failures < this.maxFailures) {
			return Optional.empty();
		}
		Integer lockouts = this.jdbc.queryForObject("SELECT lockouts FROM two_factor_failure WHERE user_id = ?",
				Integer.class, userId);
		Instant until = this.clock.instant().plus(lockout((lockouts != null) ? lockouts : 0));
		this.jdbc.update(
				"UPDATE two_factor_failure SET failures = 0, lockouts = lockouts + 1, locked_until = ? WHERE user_id = ?",
				until.atOffset(ZoneOffset.UTC), userId);
		return Optional.of(until);
	}

	/** Forgets the wrong codes of a user after a right one. */
	void reset(long userId) {
		this.jdbc.update("DELETE FROM two_factor_failure WHERE user_id = ?", userId);
	}

	/** How long the lockout after {@code earlier} lockouts lasts. */
	Duration lockout(int earlier) {
		Duration duration = this.firstLockout;
		for (int i = 0; i < earlier && duration.compareTo(this.maxLockout) < 0; i++) {
			duration = duration.multipliedBy(2);
		}
		return (duration.compareTo(this.maxLockout) > 0) ? this.maxLockout : duration;
	}

}
