package io.leadrelay.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Reads users from the {@code app_user} table for sign-in. */
class StoredUsers implements UserDetailsService {

	private final JdbcTemplate jdbc;

	StoredUsers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public LeadRelayUser loadUserByUsername(String username) {
		return find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	Optional<LeadRelayUser> find(String username) {
		List<LeadRelayUser> users = this.jdbc.query("""
				SELECT id, username, password_hash, role, enabled, disabled_at, must_change_password, totp_secret,
				    password_changed_at
				FROM app_user WHERE username = ?""", (rs, row) -> new LeadRelayUser(rs.getLong("id"),
				rs.getString("username"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
				rs.getBoolean("enabled") && rs.getObject("disabled_at") == null, rs.getBoolean("must_change_password"),
				rs.getString("totp_secret") != null, instant(rs.getTimestamp("password_changed_at"))), username);
		return users.stream().findFirst();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
