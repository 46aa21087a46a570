package io.leadrelay.security;

/**
 * An admin changed a user. Published in the transaction that changed it, so that what
 * listens (the audit trail) commits or rolls back with the change.
 */
public sealed interface UserChanged {

	/** The user changed. */
	String username();

	/** The user who changed it. */
	String actor();

	/**
	 * The user was given another role.
	 *
	 * @param username the user changed
	 * @param actor who changed it
	 * @param from the role before
	 * @param to the role now
	 */
	record RoleChanged(String username, String actor, Role from, Role to) implements UserChanged {

	}

	/**
	 * The user may no longer sign in (nor use the API).
	 *
	 * @param username the user changed
	 * @param actor who changed it
	 */
	record Disabled(String username, String actor) implements UserChanged {

	}

	/**
	 * The user may sign in again.
	 *
	 * @param username the user changed
	 * @param actor who changed it
	 */
	record Enabled(String username, String actor) implements UserChanged {

	}

	/**
	 * The user was given a one-time password, to be changed at the next sign-in.
	 *
	 * @param username the user changed
	 * @param actor who reset it
	 */
	record PasswordReset(String username, String actor) implements UserChanged {

	}

}
