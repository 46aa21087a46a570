package io.leadrelay.security;

import java.time.Instant;

/**
 * A user created or revoked one of their API tokens. Published in the transaction of the
 * change, so that what listens (the audit trail) commits or rolls back with it. Never
 * carries the token's secret.
 */
public sealed interface TokenChanged {

	/** The token's number. */
	long tokenId();

	/** What its owner called it. */
	String name();

	/** The user name of its owner, who acts with it. */
	String owner();

	/** Who made the change. */
	String actor();

	/**
	 * A token was created.
	 *
	 * @param tokenId the token's number
	 * @param name what its owner called it
	 * @param owner the user name of its owner
	 * @param actor who created it
	 * @param expiresAt when it stops working
	 */
	record Created(long tokenId, String name, String owner, String actor, Instant expiresAt) implements TokenChanged {

	}

	/**
	 * A token was revoked: it authenticates no request from now on.
	 *
	 * @param tokenId the token's number
	 * @param name what its owner called it
	 * @param owner the user name of its owner
	 * @param actor who revoked it
	 */
	record Revoked(long tokenId, String name, String owner, String actor) implements TokenChanged {

	}

}
