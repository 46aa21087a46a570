package io.leadrelay.security.users;

import java.time.Instant;

import io.leadrelay.security.Role;

/**
 * A user as admins see it: never the password, nor the two-factor secret.
 *
 * @param id the user's number
 * @param username the name the user signs in with
 * @param role what the user may do
 * @param enabled whether the user may sign in
 * @param mustChangePassword whether the user signs in with a one-time password, to be
 * changed at the next sign-in
 * @param twoFactorEnabled whether the user signs in with a second factor
 * @param createdAt when the user was added
 * @param passwordChangedAt when the user last chose a password ({@code null}: never)
 * @param disabledAt since when the user may not sign in ({@code null}: enabled)
 */
public record UserView(long id, String username, Role role, boolean enabled, boolean mustChangePassword,
		boolean twoFactorEnabled, Instant createdAt, Instant passwordChangedAt, Instant disabledAt) {

	public boolean admin() {
		return this.role == Role.ADMIN;
	}

}
