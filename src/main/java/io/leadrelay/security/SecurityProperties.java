package io.leadrelay.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users, sign-in and access.
 *
 * @param bootstrapAdminPassword password of the user {@code admin} created at the first
 * start, when no user exists; when unset, a random one is generated, logged once, and
 * must be changed at the first sign-in
 * @param requireMfaForAdmins whether admins must turn on two-factor sign-in before they
 * can use anything else
 * @param apiBasicAuth whether the API accepts HTTP Basic (user name and password) besides
 * API tokens
 * @param signIn when failed sign-ins lock a user or an address out
 * @param tokens API tokens' lifetimes and request rate
 * @param managementToken the bearer token that opens the management endpoints other than
 * health (metrics and the like); unset: they are closed
 */
@ConfigurationProperties("leadrelay.security")
public record SecurityProperties(String bootstrapAdminPassword, @DefaultValue("false") boolean requireMfaForAdmins,
		@DefaultValue("true") boolean apiBasicAuth, @DefaultValue SignIn signIn, @DefaultValue Tokens tokens,
		String managementToken) {

	public SecurityProperties {
		if (bootstrapAdminPassword != null && bootstrapAdminPassword.isBlank()) {
			bootstrapAdminPassword = null;
		}
		if (bootstrapAdminPassword != null) {
			String password = bootstrapAdminPassword;
			new PasswordPolicy().refusal(AdminBootstrap.ADMIN, password).ifPresent((reason) -> {
				throw new IllegalArgumentException("leadrelay.security.bootstrap-admin-password " + reason);
			});
		}
		if (managementToken != null && managementToken.isBlank()) {
			managementToken = null;
		}
		if (managementToken != null && managementToken.length() < 32) {
			throw new IllegalArgumentException(
					"leadrelay.security.management-token must be at least 32 characters long");
		}
	}

	@Override
	public String toString() {
		return "SecurityProperties[bootstrapAdminPassword=" + ((this.bootstrapAdminPassword != null) ? "set" : "unset")
				+ ", requireMfaForAdmins=" + this.requireMfaForAdmins + ", apiBasicAuth=" + this.apiBasicAuth
				+ ", signIn=" + this.signIn + ", tokens=" + this.tokens + ", managementToken="
				+ ((this.managementToken != null) ? "set" : "unset") + "]";
	}

	/**
	 * When failed sign-ins lock out. After {@code maxFailures} failures in a row for one
	 * user name, or {@code maxFailuresPerAddress} from one address, the next sign-in is
	 * refused for {@code firstLockout}; each further lockout lasts twice as long, up to
	 * {@code maxLockout}. A user name or address quiet for {@code maxLockout} starts
	 * afresh.
	 *
	 * @param maxFailures failures in a row of one user name before a lockout
	 * @param maxFailuresPerAddress failures in a row from one address before a lockout;
	 * more than for a user name, as a whole office may share one address
	 * @param firstLockout how long the first lockout lasts
	 * @param maxLockout the longest lockout
	 */
	public record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("20") int maxFailuresPerAddress,
			@DefaultValue("1m") Duration firstLockout, @DefaultValue("1h") Duration maxLockout) {

		public SignIn {
			check(maxFailures >= 1 && maxFailures <= 100,
					"leadrelay.security.sign-in.max-failures must be between 1 and 100");
			check(maxFailuresPerAddress >= 1 && maxFailuresPerAddress <= 10000,
					"leadrelay.security.sign-in.max-failures-per-address must be between 1 and 10000");
			check(!firstLockout.isNegative() && !firstLockout.isZero(),
					"leadrelay.security.sign-in.first-lockout must be positive");
			check(maxLockout.compareTo(firstLockout) >= 0,
					"leadrelay.security.sign-in.max-lockout must be at least first-lockout");
		}

	}

	/**
	 * API tokens.
	 *
	 * @param requestsPerMinute requests one token may make per minute; over it, 429
	 * @param defaultLifetime how long a token lasts when its creator picks no expiry
	 * @param maxLifetime the longest lifetime a token may be given
	 */
	public record Tokens(@DefaultValue("120") int requestsPerMinute, @DefaultValue("90d") Duration defaultLifetime,
			@DefaultValue("365d") Duration maxLifetime) {

		public Tokens {
			check(requestsPerMinute >= 1, "leadrelay.security.tokens.requests-per-minute must be at least 1");
			check(!defaultLifetime.isNegative() && !defaultLifetime.isZero(),
					"leadrelay.security.tokens.default-lifetime must be positive");
			check(maxLifetime.compareTo(defaultLifetime) >= 0,
					"leadrelay.security.tokens.max-lifetime must be at least default-lifetime");
		}

	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
