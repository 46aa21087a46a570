package io.leadrelay.support;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users of a role for tests that sign in as someone other than the bootstrap admin. Each
 * is written straight into {@code app_user}, replacing a user of the same name.
 */
public final class TestUsers {

	/** The password of the users made without one of their own. */
	public static final String PASSWORD = "test-user-password-2026";

	// Cost 4, the lowest: the engine's encoder reads the cost from the hash.
	private static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(4);

	private static final String HASH = ENCODER.encode(PASSWORD);

	private TestUsers() {
	}

	/**
	 * Makes (or makes again) the user with the given name and role ({@code ADMIN},
	 * {@code MARKETER} or {@code VIEWER}), signing in with {@link #PASSWORD}, nothing
	 * pending at sign-in.
	 * @return the user's id
	 */
	public static long replace(JdbcTemplate jdbc, String username, String role) {
		return insert(jdbc, username, role, HASH, false);
	}

	/** The same, signing in with the given password. */
	public static long replace(JdbcTemplate jdbc, String username, String role, String password) {
		return insert(jdbc, username, role, ENCODER.encode(password), false);
	}

	/**
	 * The same, with a generated password (as at the first start, or after a reset),
	 * which must be changed at the next sign-in.
	 */
	public static long replaceWithGeneratedPassword(JdbcTemplate jdbc, String username, String role, String password) {
		return insert(jdbc, username, role, ENCODER.encode(password), true);
	}

	private static long insert(JdbcTemplate jdbc, String username, String role, String hash, boolean mustChange) {
		jdbc.update("DELETE FROM app_user WHERE username = ?", username);
		jdbc.update("""
				INSERT INTO app_user (username, password_hash, role, enabled, created_at, must_change_password)
				VALUES (?, ?, ?, TRUE, ?, ?)""", username, hash, role, Timestamp.from(Instant.now()), mustChange);
		return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
	}

}
