package io.leadrelay.security.signin;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.leadrelay.security.PasswordChanged;
import io.leadrelay.security.PasswordPolicy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users changing their own password: checks the one they have, applies the
 * {@link PasswordPolicy} to the new one, stores its hash and clears the duty to change a
 * generated one, audited.
 */
@Component
class PasswordChanges {

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PasswordChanges(JdbcTemplate jdbc, PasswordEncoder encoder, PasswordPolicy policy, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.policy = policy;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Whether the password is the user's current one. */
	boolean isCurrent(String username, String password) {
		List<String> hashes = this.jdbc.queryForList("SELECT password_hash FROM app_user WHERE username = ?",
				String.class, username);
		return !hashes.isEmpty() && password != null && this.encoder.matches(password, hashes.get(0));
	}

	/** Why the new password is refused for that user, if it is. */
	Optional<String> refusal(String username, String password) {
		return this.policy.refusal(username, password);
	}

	/**
	 * Stores the new password (already checked with {@link #refusal}) and clears the duty
	 * to change a generated one.
	 * @param forced whether the change was required rather than the user's choice
	 */
	void change(String username, String password, boolean forced) {
		this.policy.check(username, password);
		String hash = this.encoder.encode(password);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("""
					UPDATE app_user SET password_hash = ?, must_change_password = FALSE, password_changed_at = ?
					WHERE username = ?""", hash, this.clock.instant().atOffset(ZoneOffset.UTC), username);
			this.events.publishEvent(new PasswordChanged(username, forced));
		});
	}

}
