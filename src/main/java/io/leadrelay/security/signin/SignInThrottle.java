package io.leadrelay.security.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.leadrelay.security.SignInRefused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing: counts failed sign-ins per user name and per address and
 * locks either out for a time that grows with each lockout in a row
 * ({@link LockoutRules}). While locked out, a sign-in is refused before its password is
 * checked, so a guess teaches nothing, right or wrong. Every failure and every lockout is
 * audited (through {@link SignInRefused} events). The counts live in the database, shared
 * by all engines.
 * <p>
 * A lockout of a user name also keeps its owner out: that is the price of a per-user
 * limit, kept short by the first lockout's length and the per-address limit, which stops
 * one address trying many names.
 */
public class SignInThrottle {

	/** The credential of a password sign-in, as audit entries name it. */
	public static final String PASSWORD = "password";

	private final ThrottleStore store;

	private final LockoutRules rules;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SignInThrottle(ThrottleStore store, LockoutRules rules, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		// Counted whatever becomes of the caller's transaction.
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * The lockout that refuses a sign-in of that user name from that address now, if
	 * either is locked out.
	 */
	public Optional<Lockout> lockout(String username, String address) {
		Instant now = this.clock.instant();
		Instant until = this.store.lockedUntil(SignInSubject.user(username), SignInSubject.address(address), now);
		return Optional.ofNullable(until).map((end) -> Lockout.until(end, now));
	}

	/** Counts a wrong password; see {@link #failed(String, String, String)}. */
	public Optional<Lockout> failed(String username, String address) {
		return failed(username, address, PASSWORD);
	}

	/**
	 * Counts a wrong credential for the user name from the address.
	 * @param username the user name given, which may not exist
	 * @param address where the attempt came from
	 * @param credential what was wrong, for the audit trail: {@link #PASSWORD}, or a
	 * later step's credential such as {@code two-factor code}
	 * @return the lockout this failure started or that is in force, if any
	 */
	public Optional<Lockout> failed(String username, String address, String credential) {
		Instant now = this.clock.instant();
		SignInSubject user = SignInSubject.user(username);
		SignInSubject from = SignInSubject.address(address);
		this.transactions.executeWithoutResult((status) -> {
			this.store.create(user, now);
			this.store.create(from, now);
		});
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new SignInRefused.Failed(user.value(), from.value(), credential));
			count(user, from, now);
			count(from, from, now);
			this.store.forgetQuietSince(now.minus(this.rules.maxLockout()));
		});
		return lockout(username, address);
	}

	/**
	 * A password check that asks this throttle first and tells it how the check went: for
	 * the sign-in form and HTTP Basic.
	 */
	public AuthenticationProvider guard(AuthenticationProvider passwords) {
		return new ThrottledAuthentication(passwords, this);
	}

	/**
	 * Forgets the user name's failures after a successful sign-in: after the password, or
	 * for a user with two-factor on, after the code. The address's stay: one good
	 * password must not wipe out the guesses made from there at other names.
	 */
	public void succeeded(String username) {
		this.store.forget(SignInSubject.user(username));
	}

	private void count(SignInSubject subject, SignInSubject from, Instant now) {
		ThrottleState state = this.store.lock(subject);
		if (state.forgottenAt(now, this.rules.maxLockout())) {
			state = ThrottleState.FRESH;
		}
		int failures = state.failures() + 1;
		if (failures < this.rules.maxFailures(subject.kind())) {
			this.store.save(subject, new ThrottleState(failures, state.lockouts(), now, state.lockedUntil()));
			return;
		}
		int lockouts = state.lockouts() + 1;
		var lockout = this.rules.lockout(lockouts);
		Instant until = now.plus(lockout);
		this.store.save(subject, new ThrottleState(0, lockouts, now, until));
		this.events.publishEvent(new SignInRefused.LockedOut(subject.kind().code(), subject.value(), from.value(),
				lockouts, lockout, until));
	}

}
