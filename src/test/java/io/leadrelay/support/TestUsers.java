package io.leadrelay.support;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Users of a role for tests that sign in as someone other than the bootstrap admin. Each
 * is written straight into {@code app_user} (replacing a user of the same name), all with
 * {@link #PASSWORD}, nothing pending at sign-in.
 */
public final class TestUsers {

	/** The password of every user made here. */
	public static final String PASSWORD = "test-user-password-2026";

	private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	private TestUsers() {
	}

	/**
	 * Makes (or makes again) the user with the given name and role ({@code ADMIN},
	 * {@code MARKETER} or {@code VIEWER}).
	 */
	public static void replace(JdbcTemplate jdbc, String username, String role) {
		jdbc.update("DELETE FROM app_user WHERE username = ?", username);
		jdbc.update("INSERT INTO app_user (username, password_hash, role, enabled, created_at) VALUES (?, ?, ?, ?, ?)",
				username, HASH, role, true, Timestamp.from(Instant.now()));
	}

}
