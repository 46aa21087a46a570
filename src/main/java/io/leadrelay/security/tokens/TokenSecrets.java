package io.leadrelay.security.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets of API tokens: {@code lr_} and 32 random bytes in base64url, 46 characters.
 * Only their SHA-256 is stored: a secret has 256 random bits, so a fast hash is as safe
 * as a slow one and lets every API request find its token with one indexed read.
 */
final class TokenSecrets {

	static final String PREFIX = "lr_";

	private static final int RANDOM_BYTES = 32;

	private static final Pattern FORMAT = Pattern.compile("lr_[A-Za-z0-9_-]{43}");

	private static final int HINT_LENGTH = PREFIX.length() + 6;

	private final SecureRandom random;

	TokenSecrets(SecureRandom random) {
		this.random = random;
	}

	String generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether the text has the shape of a secret, so that garbage costs no query. */
	static boolean wellFormed(String secret) {
		return secret != null && FORMAT.matcher(secret).matches();
	}

	/** The stored form of a secret: its SHA-256 in lower-case hex. */
	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The first characters of a secret, shown in lists to tell tokens apart. */
	static String hint(String secret) {
		return secret.substring(0, HINT_LENGTH);
	}

}
