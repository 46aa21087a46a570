package io.leadrelay.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users and sign-in.
 *
 * @param bootstrapAdminPassword password of the user {@code admin} created at the first
 * start, when no user exists; when unset, a random one is generated and logged once
 */
@ConfigurationProperties("leadrelay.security")
public record SecurityProperties(String bootstrapAdminPassword) {

	static final int MIN_PASSWORD_LENGTH = 12;

	public SecurityProperties {
		if (bootstrapAdminPassword != null && bootstrapAdminPassword.isBlank()) {
			bootstrapAdminPassword = null;
		}
		if (bootstrapAdminPassword != null && bootstrapAdminPassword.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("leadrelay.security.bootstrap-admin-password must be at least "
					+ MIN_PASSWORD_LENGTH + " characters long");
		}
	}

	@Override
	public String toString() {
		return "SecurityProperties[bootstrapAdminPassword=" + ((this.bootstrapAdminPassword != null) ? "set" : "unset")
				+ "]";
	}

}
