package io.leadrelay.security.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them, with the parameters every
 * authenticator app uses by default: HMAC-SHA-1, 6 digits, a 30 second step. A code is
 * accepted in the step it was made for and in the step before and after, so that a phone
 * clock a few seconds off still works.
 */
final class Totp {

	static final int DIGITS = 6;

	static final long STEP_SECONDS = 30;

	/** How many steps before and after the current one a code may come from. */
	static final int TOLERANCE = 1;

	private Totp() {
	}

	/** The step (RFC 6238's T) an instant falls in. */
	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The 6-digit code of a step, with its leading zeros. */
	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	/** The code of a step with as many digits as asked (RFC 6238's vectors have 8). */
	static String code(byte[] secret, long step, int digits) {
		byte[] hash = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		long modulus = (long) Math.pow(10, digits);
		return String.format("%0" + digits + "d", binary % modulus);
	}

	/**
	 * The step a code matches, looking at the step of {@code now} and its neighbours, or
	 * empty when it matches none. Codes are compared in constant time.
	 */
	static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
		if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong match = OptionalLong.empty();
		for (long step = current - TOLERANCE; step <= current + TOLERANCE; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available in this JVM", ex);
		}
	}

}
