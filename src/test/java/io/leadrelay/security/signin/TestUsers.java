package io.leadrelay.security.signin;

import java.time.Instant;
import java.time.ZoneOffset;

import io.leadrelay.security.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Adds users for the sign-in tests straight into {@code app_user}. */
final class TestUsers {

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	TestUsers(JdbcTemplate jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	/** A user who signs in with that password. */
	void add(String username, Role role, String password) {
		insert(username, role, password, false);
	}

	/** A user with a generated password, which must be changed at the next sign-in. */
	void addWithGeneratedPassword(String username, Role role, String password) {
		insert(username, role, password, true);
	}

	private void insert(String username, Role role, String password, boolean mustChange) {
		this.jdbc.update("""
				INSERT INTO app_user (username, password_hash, role, enabled, created_at, must_change_password)
				VALUES (?, ?, ?, TRUE, ?, ?)""", username, this.encoder.encode(password), role.name(),
				Instant.now().atOffset(ZoneOffset.UTC), mustChange);
	}

}
