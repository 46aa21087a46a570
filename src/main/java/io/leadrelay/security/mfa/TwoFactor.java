package io.leadrelay.security.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.leadrelay.crypto.SecretCipher;
import io.leadrelay.security.TwoFactorChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with TOTP: turning it on with a secret the user's app has just shown
 * a code for, checking the code of the second sign-in step (or a recovery code), and
 * turning it off. The secret is stored encrypted; each code works once.
 */
public class TwoFactor {

	private static final int SECRET_BYTES = 20;

	private final TwoFactorStore store;

	private final TwoFactorThrottle throttle;

	private final SecretCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	TwoFactor(TwoFactorStore store, TwoFactorThrottle throttle, SecretCipher cipher, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.throttle = throttle;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/** A new secret for a user to add to an authenticator app; nothing is stored yet. */
	public Enrolment newEnrolment(String username) {
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		return Enrolment.of(username, Base32.encode(secret));
	}

	/** The enrolment of a secret made earlier, such as when the page is shown again. */
	public Enrolment enrolment(String username, String secret) {
		return Enrolment.of(username, secret);
	}

	/** Whether a user has two-factor sign-in on, and how many recovery codes are left. */
	public Status status(long userId) {
		boolean enabled = this.store.encryptedSecret(userId).isPresent();
		return new Status(enabled, enabled ? this.store.unusedRecoveryCodes(userId) : 0);
	}

	/**
	 * Turns two-factor sign-in on when {@code code} is the current code of
	 * {@code secret}.
	 * @return the new recovery codes, to be shown once; empty when the code is wrong or
	 * two-factor sign-in was on already
	 */
	@Transactional
	public Optional<List<String>> enable(long userId, String username, String secret, String code) {
		Instant now = this.clock.instant();
		OptionalLong step = Totp.matchingStep(Base32.decode(secret), digits(code), now);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		List<String> codes = RecoveryCodes.generate(this.random);
		String encrypted = this.cipher.encrypt(secret, context(userId));
		if (!this.store.enable(userId, encrypted, step.getAsLong(), codes.stream().map(RecoveryCodes::hash).toList(),
				now)) {
			return Optional.empty();
		}
		this.events.publishEvent(new TwoFactorChanged.Enabled(username, username));
		return Optional.of(codes);
	}

	/**
	 * Checks the code of the second sign-in step: the app's current code or an unused
	 * recovery code. Wrong codes are counted, and enough of them lock the step.
	 */
	@Transactional
	public Verdict verify(long userId, String username, String code, String address) {
		Optional<Instant> locked = this.throttle.lockedUntil(userId);
		if (locked.isPresent()) {
			return new Verdict(Outcome.LOCKED, locked.get());
		}
		Outcome outcome = check(userId, username, code);
		if (outcome != Outcome.WRONG) {
			this.throttle.reset(userId);
			return new Verdict(outcome, null);
		}
		Instant lockedUntil = this.throttle.recordFailure(userId).orElse(null);
		this.events.publishEvent(new TwoFactorChanged.CodeRefused(username, address, lockedUntil));
		return new Verdict((lockedUntil != null) ? Outcome.LOCKED : Outcome.WRONG, lockedUntil);
	}

	/**
	 * Turns two-factor sign-in off when {@code code} is right (counted like the sign-in
	 * step's codes): the secret and the recovery codes are deleted.
	 */
	@Transactional
	public Verdict disable(long userId, String username, String code, String address) {
		Verdict verdict = verify(userId, username, code, address);
		if (verdict.accepted()) {
			this.store.disable(userId);
			this.events.publishEvent(new TwoFactorChanged.Disabled(username, username));
		}
		return verdict;
	}

	private Outcome check(long userId, String username, String code) {
		if (code == null || code.isBlank()) {
			return Outcome.WRONG;
		}
		Optional<String> encrypted = this.store.encryptedSecret(userId);
		if (encrypted.isEmpty()) {
			return Outcome.WRONG;
		}
		Instant now = this.clock.instant();
		if (RecoveryCodes.looksLikeOne(code)) {
			if (!this.store.useRecoveryCode(userId, RecoveryCodes.hash(code), now)) {
				return Outcome.WRONG;
			}
			this.events
				.publishEvent(new TwoFactorChanged.RecoveryCodeUsed(username, this.store.unusedRecoveryCodes(userId)));
			return Outcome.RECOVERY_CODE_ACCEPTED;
		}
		byte[] secret = Base32.decode(this.cipher.decrypt(encrypted.get(), context(userId)));
		OptionalLong step = Totp.matchingStep(secret, digits(code), now);
		return (step.isPresent() && this.store.claimStep(userId, step.getAsLong())) ? Outcome.ACCEPTED : Outcome.WRONG;
	}

	/** Codes are often typed or pasted as {@code 123 456}. */
	private static String digits(String code) {
		return (code != null) ? code.replace(" ", "").strip() : null;
	}

	private static String context(long userId) {
		return "app_user:" + userId + ":totp_secret";
	}

	/**
	 * What a user needs to add LeadRelay to an authenticator app.
	 *
	 * @param secret the secret in base 32, to type when the QR code cannot be scanned
	 * @param uri the {@code otpauth://} address the QR code holds
	 * @param qrCodeSvg the QR code, as an inline SVG
	 */
	public record Enrolment(String secret, String uri, String qrCodeSvg) {

		static Enrolment of(String username, String secret) {
			String uri = OtpAuthUri.of(username, secret);
			return new Enrolment(secret, uri, QrCodeSvg.render(uri, "QR code to add LeadRelay to your app"));
		}

		/** The secret in groups of four, as people read it. */
		public String groupedSecret() {
			return this.secret.replaceAll("(.{4})(?=.)", "$1 ");
		}

	}

	/**
	 * @param enabled whether two-factor sign-in is on
	 * @param unusedRecoveryCodes how many recovery codes are left
	 */
	public record Status(boolean enabled, int unusedRecoveryCodes) {

	}

	/** How a code was taken. */
	public enum Outcome {

		/** The app's current code. */
		ACCEPTED,

		/** An unused recovery code, now used. */
		RECOVERY_CODE_ACCEPTED,

		/** Neither. */
		WRONG,

		/** Too many wrong codes: the step is locked, whatever the code. */
		LOCKED

	}

	/**
	 * @param outcome how the code was taken
	 * @param lockedUntil until when the step is locked, when it is
	 */
	public record Verdict(Outcome outcome, Instant lockedUntil) {

		public boolean accepted() {
			return this.outcome == Outcome.ACCEPTED || this.outcome == Outcome.RECOVERY_CODE_ACCEPTED;
		}

	}

}
