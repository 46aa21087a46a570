package io.leadrelay.security.signin;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused because its user name or address is locked out; the message says so
 * and for how long, in words to show the person signing in.
 */
public class SignInLockedException extends LockedException {

	private final transient Lockout lockout;

	SignInLockedException(Lockout lockout) {
		super("Too many failed sign-ins. Try again in " + lockout.inWords() + ".");
		this.lockout = lockout;
	}

	/** The lockout in force. */
	public Lockout lockout() {
		return this.lockout;
	}

}
