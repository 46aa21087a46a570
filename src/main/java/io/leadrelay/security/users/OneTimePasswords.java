package io.leadrelay.security.users;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Makes the passwords that admins hand to users: four groups of five letters and digits
 * (about 99 bits), without the characters people confuse when they read one out
 * ({@code 0 o 1 l i}).
 */
final class OneTimePasswords {

	static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final int GROUPS = 4;

	private static final int GROUP_LENGTH = 5;

	private final RandomGenerator random;

	OneTimePasswords() {
		this(new SecureRandom());
	}

	OneTimePasswords(RandomGenerator random) {
		this.random = random;
	}

	String next() {
		StringBuilder password = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
		for (int group = 0; group < GROUPS; group++) {
			if (group > 0) {
				password.append('-');
			}
			for (int i = 0; i < GROUP_LENGTH; i++) {
				password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
		}
		return password.toString();
	}

}
