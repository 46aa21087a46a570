package io.leadrelay.security;

import java.time.Instant;

/**
 * A user's two-factor sign-in changed, or its second step was used. Published in the
 * transaction of the change, so that what listens (the audit trail) commits or rolls back
 * with it.
 */
public sealed interface TwoFactorChanged {

	/** The user whose two-factor sign-in it is. */
	String username();

	/**
	 * Two-factor sign-in was turned on, with new recovery codes.
	 *
	 * @param username the user
	 * @param actor who turned it on
	 */
	record Enabled(String username, String actor) implements TwoFactorChanged {

	}

	/**
	 * Two-factor sign-in was turned off; the secret and the recovery codes are gone.
	 *
	 * @param username the user
	 * @param actor who turned it off
	 */
	record Disabled(String username, String actor) implements TwoFactorChanged {

	}

	/**
	 * A recovery code was used to sign in; it cannot be used again.
	 *
	 * @param username the user
	 * @param remaining how many unused codes the user has left
	 */
	record RecoveryCodeUsed(String username, int remaining) implements TwoFactorChanged {

	}

	/**
	 * A wrong code was given at the second sign-in step.
	 *
	 * @param username the user
	 * @param address the address the code came from
	 * @param lockedUntil until when the step is locked, or {@code null} when it is not
	 */
	record CodeRefused(String username, String address, Instant lockedUntil) implements TwoFactorChanged {

	}

}
