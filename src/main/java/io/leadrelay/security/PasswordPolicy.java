package io.leadrelay.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The rules every password must follow, whoever sets it.
 * <p>
 * A minimal stand-in written by the users part of issue 13 until the sign-in part's
 * policy (with the list of common passwords) lands; the two are to be merged into one.
 */
@Component
public class PasswordPolicy {

	/** Fewest characters a password may have. */
	public static final int MIN_LENGTH = 12;

	/** Most characters a password may have (bcrypt reads no more than 72 bytes). */
	public static final int MAX_LENGTH = 72;

	private static final Set<String> COMMON = Set.of("123456789012", "password1234", "qwertyuiopas", "passwordpassword",
			"letmeinletmein", "111111111111", "000000000000", "iloveyou1234", "adminadmin12", "administrator");

	/**
	 * What is wrong with the password for this user, in words a person can act on; empty
	 * when it is acceptable.
	 */
	public List<String> check(String username, String password) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			problems.add("password must be at least " + MIN_LENGTH + " characters long");
			return problems;
		}
		if (password.length() > MAX_LENGTH) {
			problems.add("password must be at most " + MAX_LENGTH + " characters long");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower)) {
			problems.add("password is one of the most common passwords; choose another");
		}
		if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
			problems.add("password must not contain the username");
		}
		return problems;
	}

}
