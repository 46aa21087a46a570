package io.leadrelay.security.signin;

import io.leadrelay.security.LeadRelayUser;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A password check (the sign-in form's, or HTTP Basic's) behind the
 * {@link SignInThrottle}: refused without looking at the password while the user name or
 * the address is locked out, counted when the password is wrong.
 */
class ThrottledAuthentication implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthentication(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = address(authentication);
		this.throttle.lockout(username, address).ifPresent((lockout) -> {
			throw new SignInLockedException(lockout);
		});
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			// A wrong password, or a user name that does not exist: the same to the
			// caller.
			this.throttle.failed(username, address).ifPresent((lockout) -> {
				throw new SignInLockedException(lockout);
			});
			throw ex;
		}
		if (result != null && result.getPrincipal() instanceof LeadRelayUser user && !user.twoFactorEnabled()) {
			// With two-factor on, the sign-in is not done yet: the code's check forgets
			// the
			// failures, so that a right password does not reset the count of wrong codes.
			this.throttle.succeeded(username);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
