package io.leadrelay.security.users;

import java.util.regex.Pattern;

/**
 * What a username may be: lower case, so that {@code Mia} and {@code mia} cannot be two
 * people, and without spaces, so that it can be typed at a sign-in prompt.
 */
final class Usernames {

	static final String RULE = "3 to 64 characters: lower-case letters, digits and . _ @ -, starting with a letter"
			+ " or digit";

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

	private Usernames() {
	}

	static String check(String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidUserException("username", "username must be " + RULE);
		}
		return username;
	}

}
