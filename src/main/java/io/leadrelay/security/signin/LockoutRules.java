package io.leadrelay.security.signin;

import java.time.Duration;

/**
 * When failed sign-ins lock a user name or an address out, and for how long: after
 * {@code maxFailures} failures in a row (more for an address, which a whole office may
 * share behind one router) the first lockout lasts {@code firstLockout}, each further one
 * twice as long as the one before, up to {@code maxLockout}. A user name or address that
 * has been quiet for {@code maxLockout} since its last failure and its last lockout
 * starts afresh.
 *
 * @param maxFailures failures of one user name that lock it out
 * @param maxFailuresPerAddress failures from one address that lock it out
 * @param firstLockout how long the first lockout lasts
 * @param maxLockout the longest lockout, and the quiet time after which one is forgotten
 */
record LockoutRules(int maxFailures, int maxFailuresPerAddress, Duration firstLockout, Duration maxLockout) {

	/** How long the n-th lockout in a row lasts, counting from 1. */
	Duration lockout(int lockouts) {
		Duration lockout = this.firstLockout;
		for (int i = 1; i < lockouts && lockout.compareTo(this.maxLockout) < 0; i++) {
			lockout = lockout.multipliedBy(2);
		}
		return (lockout.compareTo(this.maxLockout) < 0) ? lockout : this.maxLockout;
	}

	/** Failures in a row that lock out a subject of that kind. */
	int maxFailures(SignInSubject.Kind kind) {
		return (kind == SignInSubject.Kind.ADDRESS) ? this.maxFailuresPerAddress : this.maxFailures;
	}

}
