package io.leadrelay.security;

import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in was refused, announced so that the audit trail records it. Published in the
 * transaction that counted it.
 */
public sealed interface SignInRefused {

	/** The address the attempt came from. */
	String address();

	/**
	 * A wrong password (or code) for a user name, which may not exist.
	 *
	 * @param username the user name given
	 * @param address where the attempt came from
	 * @param credential what was wrong: {@code password}, or another step's credential
	 * such as {@code two-factor code}
	 */
	record Failed(String username, String address, String credential) implements SignInRefused {

	}

	/**
	 * Too many failures in a row: the user name or the address may not sign in until
	 * {@code until}.
	 *
	 * @param subjectType {@code user} or {@code address}
	 * @param subject the user name, or the address (an IPv6 one as its /64 network)
	 * @param address where the attempt that tipped it came from
	 * @param lockouts how many lockouts in a row this is, counting from 1
	 * @param lockout how long this one lasts
	 * @param until when it ends
	 */
	record LockedOut(String subjectType, String subject, String address, int lockouts, Duration lockout,
			Instant until) implements SignInRefused {

	}

}
