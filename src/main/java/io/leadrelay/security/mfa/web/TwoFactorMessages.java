package io.leadrelay.security.mfa.web;

import java.time.Clock;
import java.time.Duration;

import io.leadrelay.security.mfa.TwoFactor.Verdict;

/** What the pages say when a code is refused. */
final class TwoFactorMessages {

	static final String WRONG = "That code is not right. Type the code your app shows now (it changes every "
			+ "30 seconds), or an unused recovery code.";

	private TwoFactorMessages() {
	}

	static String refused(Verdict verdict, Clock clock) {
		if (verdict.lockedUntil() == null) {
			return WRONG;
		}
		long minutes = Math.max(1, (Duration.between(clock.instant(), verdict.lockedUntil()).toSeconds() + 59) / 60);
		return "Too many wrong codes. Try again in " + minutes + ((minutes == 1) ? " minute." : " minutes.");
	}

}
