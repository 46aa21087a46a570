package io.leadrelay.security.signin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table {@code sign_in_throttle}: one row per user name or address with failed
 * sign-ins, shared by every engine on the database.
 */
class ThrottleStore {

	private final JdbcTemplate jdbc;

	ThrottleStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The latest end of a lockout of any of the subjects that is still ahead, or null.
	 */
	Instant lockedUntil(SignInSubject user, SignInSubject address, Instant now) {
		List<OffsetDateTime> ends = this.jdbc.queryForList("""
				SELECT locked_until FROM sign_in_throttle
				WHERE ((kind = ? AND subject = ?) OR (kind = ? AND subject = ?)) AND locked_until > ?
				ORDER BY locked_until DESC""", OffsetDateTime.class, user.kind().code(), user.value(),
				address.kind().code(), address.value(), at(now));
		return ends.isEmpty() ? null : ends.get(0).toInstant();
	}

	/**
	 * Adds a fresh row for the subject unless it has one. Call outside a transaction (or
	 * in one of its own): on PostgreSQL a refused insert spoils the transaction it ran
	 * in.
	 */
	void create(SignInSubject subject, Instant now) {
		if (exists(subject)) {
			return;
		}
		try {
			this.jdbc.update("""
					INSERT INTO sign_in_throttle (kind, subject, failures, lockouts, last_failure_at)
					VALUES (?, ?, 0, 0, ?)""", subject.kind().code(), subject.value(), at(now));
		}
		catch (DuplicateKeyException ex) {
			// Another request or engine added it first.
		}
	}

	/**
	 * The subject's row, locked until the transaction ends; call after {@link #create}.
	 */
	ThrottleState lock(SignInSubject subject) {
		List<ThrottleState> states = this.jdbc.query("""
				SELECT failures, lockouts, last_failure_at, locked_until FROM sign_in_throttle
				WHERE kind = ? AND subject = ? FOR UPDATE""",
				(rs, row) -> new ThrottleState(rs.getInt(1), rs.getInt(2),
						instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class))),
				subject.kind().code(), subject.value());
		return states.isEmpty() ? ThrottleState.FRESH : states.get(0);
	}

	void save(SignInSubject subject, ThrottleState state) {
		this.jdbc.update("""
				UPDATE sign_in_throttle SET failures = ?, lockouts = ?, last_failure_at = ?, locked_until = ?
				WHERE kind = ? AND subject = ?""", state.failures(), state.lockouts(), at(state.lastFailureAt()),
				at(state.lockedUntil()), subject.kind().code(), subject.value());
	}

	void forget(SignInSubject subject) {
		this.jdbc.update("DELETE FROM sign_in_throttle WHERE kind = ? AND subject = ?", subject.kind().code(),
				subject.value());
	}

	/**
	 * Removes the rows quiet since {@code cutoff}: no failure and no lockout after it.
	 */
	int forgetQuietSince(Instant cutoff) {
		return this.jdbc.update("""
				DELETE FROM sign_in_throttle
				WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)""", at(cutoff), at(cutoff));
	}

	private boolean exists(SignInSubject subject) {
		Integer rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_throttle WHERE kind = ? AND subject = ?",
				Integer.class, subject.kind().code(), subject.value());
		return rows != null && rows > 0;
	}

	private static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
