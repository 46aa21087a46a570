package io.leadrelay.security;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/**
 * HTTP Basic sends only a password, so it may not stand in for the sign-in steps: a user
 * with two-factor on, or with a generated password still to change, uses the pages (and
 * an API token) instead.
 */
class BasicAuthenticationChecks implements UserDetailsChecker {

	private final UserDetailsChecker status = new AccountStatusUserDetailsChecker();

	@Override
	public void check(UserDetails details) {
		this.status.check(details);
		LeadRelayUser user = (LeadRelayUser) details;
		if (user.twoFactorEnabled()) {
			throw new SignInRefusedException(
					"HTTP Basic is off for users with two-factor sign-in: use an API token (Authorization: Bearer)");
		}
		if (user.mustChangePassword()) {
			throw new SignInRefusedException(
					"This password was generated and must be changed first: sign in at /login to choose your own");
		}
	}

	/** A refusal whose message the caller may read. */
	static class SignInRefusedException extends DisabledException {

		SignInRefusedException(String message) {
			super(message);
		}

	}

}
