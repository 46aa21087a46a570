package io.leadrelay.security.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.leadrelay.security.PasswordPolicy;
import io.leadrelay.security.Role;
import io.leadrelay.security.UserChanged;
import io.leadrelay.security.UserCreated;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users an admin manages: adding them with a one-time password, changing their role,
 * disabling them and resetting their password. Whatever happens, one enabled admin
 * remains. Every change is announced as an event, in its transaction, for the audit
 * trail.
 */
@Service
class Users {

	private static final String COLUMNS = """
			SELECT id, username, role, enabled, must_change_password, totp_secret IS NOT NULL, created_at,
			    password_changed_at, disabled_at FROM app_user""";

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OneTimePasswords passwords = new OneTimePasswords();

	Users(JdbcTemplate jdbc, PasswordEncoder encoder, PasswordPolicy policy, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	List<UserView> list() {
		return this.jdbc.query(COLUMNS + " ORDER BY username", Users::view);
	}

	UserView get(long id) {
		return this.jdbc.query(COLUMNS + " WHERE id = ?", Users::view, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new UserNotFoundException(id));
	}

	/**
	 * Adds a user who must change the password at the first sign-in.
	 * @param password the first password, or {@code null} to generate one
	 */
	@Transactional
	IssuedPassword create(String username, Role role, String password, String actor) {
		Usernames.check(username);
		String chosen = (password != null) ? checked(username, password) : generated(username);
		try {
			this.jdbc.update("""
					INSERT INTO app_user (username, password_hash, role, enabled, must_change_password, created_at)
					VALUES (?, ?, ?, TRUE, TRUE, ?)""", username, this.encoder.encode(chosen), role(role).name(),
					now());
		}
		catch (DuplicateKeyException ex) {
			throw new UserAlreadyExistsException(username);
		}
		UserView user = this.jdbc.queryForObject(COLUMNS + " WHERE username = ?", Users::view, username);
		this.events.publishEvent(new UserCreated(username, user.role(), actor, "admin"));
		return new IssuedPassword(user, (password != null) ? null : chosen);
	}

	/**
	 * Gives the user another role, disables or enables them ({@code null} keeps what is).
	 * @throws LastAdminException when no enabled admin would remain
	 */
	@Transactional
	UserView update(long id, Role role, Boolean enabled, String actor) {
		// Lock the enabled admins first, always in the same order, so that two admins
		// demoting each other at once cannot both see the other one remain.
		List<Long> admins = this.jdbc.queryForList(
				"SELECT id FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE ORDER BY id FOR UPDATE", Long.class);
		UserView user = this.jdbc.query(COLUMNS + " WHERE id = ? FOR UPDATE", Users::view, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new UserNotFoundException(id));
		boolean staysAdmin = (role == null || role == Role.ADMIN) && !Boolean.FALSE.equals(enabled);
		if (admins.contains(id) && !staysAdmin && admins.size() == 1) {
			throw new LastAdminException(user.username());
		}
		if (role != null && role != user.role()) {
			this.jdbc.update("UPDATE app_user SET role = ? WHERE id = ?", role.name(), id);
			this.events.publishEvent(new UserChanged.RoleChanged(user.username(), actor, user.role(), role));
		}
		if (enabled != null && enabled != user.enabled()) {
			this.jdbc.update("UPDATE app_user SET enabled = ?, disabled_at = ? WHERE id = ?", enabled,
					enabled ? null : now(), id);
			this.events.publishEvent(enabled ? new UserChanged.Enabled(user.username(), actor)
					: new UserChanged.Disabled(user.username(), actor));
		}
		return get(id);
	}

	/**
	 * Replaces the user's password with a generated one, to be changed at the next
	 * sign-in.
	 */
	@Transactional
	IssuedPassword resetPassword(long id, String actor) {
		UserView user = get(id);
		String password = generated(user.username());
		this.jdbc.update("UPDATE app_user SET password_hash = ?, must_change_password = TRUE WHERE id = ?",
				this.encoder.encode(password), id);
		this.events.publishEvent(new UserChanged.PasswordReset(user.username(), actor));
		return new IssuedPassword(get(id), password);
	}

	private String checked(String username, String password) {
		this.policy.refusal(username, password).ifPresent((reason) -> {
			throw new InvalidUserException("password", "The password " + reason);
		});
		return password;
	}

	private String generated(String username) {
		String password = this.passwords.next();
		while (this.policy.refusal(username, password).isPresent()) {
			password = this.passwords.next();
		}
		return password;
	}

	private static Role role(Role role) {
		if (role == null) {
			throw new InvalidUserException("role", "role must be " + Roles.RULE);
		}
		return role;
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static UserView view(ResultSet rs, int row) throws SQLException {
		return new UserView(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4),
				rs.getBoolean(5), rs.getBoolean(6), instant(rs.getObject(7, OffsetDateTime.class)),
				instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9, OffsetDateTime.class)));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
