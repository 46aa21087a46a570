package io.leadrelay.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the user {@code admin} at the first start, when the users table is empty, so
 * that a fresh installation can be signed in to.
 */
class AdminBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder encoder;

	private final SecurityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AdminBootstrap(JdbcTemplate jdbc, TransactionTemplate transactions, PasswordEncoder encoder,
			SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.encoder = encoder;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer users = this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class);
		if (users != null && users > 0) {
			return;
		}
		boolean generated = this.properties.bootstrapAdminPassword() == null;
		String password = generated ? randomPassword() : this.properties.bootstrapAdminPassword();
		try {
			this.transactions.executeWithoutResult((status) -> createAdmin(password, generated));
		}
		catch (DuplicateKeyException ex) {
			// Another instance on the same database created it first.
			return;
		}
		if (generated) {
			log.warn("Created user '{}' with the generated password: {}  (shown once; sign in at /login, where "
					+ "you will choose your own; or set leadrelay.security.bootstrap-admin-password before the "
					+ "first start)", ADMIN, password);
		}
		else {
			log.info("Created user '{}' with the password from leadrelay.security.bootstrap-admin-password", ADMIN);
		}
	}

	private void createAdmin(String password, boolean generated) {
		this.jdbc.update("""
				INSERT INTO app_user (username, password_hash, role, enabled, created_at, must_change_password)
				VALUES (?, ?, ?, TRUE, ?, ?)""", ADMIN, this.encoder.encode(password), Role.ADMIN.name(),
				this.clock.instant().atOffset(ZoneOffset.UTC), generated);
		this.events.publishEvent(new UserCreated(ADMIN, Role.ADMIN, "system", "bootstrap"));
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
