package io.leadrelay.security.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The codes a user keeps on paper for the day the phone is gone. Each is 60 random bits,
 * written as three groups of four base 32 characters ({@code k7qm-3xde-p2wa}); only its
 * SHA-256 is stored. A salted slow hash would add nothing: the codes are random, not
 * chosen by people, and 2^60 guesses per code are out of reach.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private static final int GROUPS = 3;

	private static final int GROUP_LENGTH = 4;

	private RecoveryCodes() {
	}

	/** {@link #COUNT} new codes. */
	static List<String> generate(SecureRandom random) {
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder();
			for (int group = 0; group < GROUPS; group++) {
				if (group > 0) {
					code.append('-');
				}
				for (int c = 0; c < GROUP_LENGTH; c++) {
					code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				}
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/**
	 * Whether a text has the shape of a recovery code, whatever its case, dashes or
	 * spaces.
	 */
	static boolean looksLikeOne(String text) {
		String normal = normalize(text);
		return normal.length() == GROUPS * GROUP_LENGTH && normal.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0);
	}

	/** The hex SHA-256 a code is stored as; case, dashes and spaces do not matter. */
	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(normalize(code).getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	private static String normalize(String text) {
		return text.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
	}

}
