package io.leadrelay.security.users;

import java.util.Arrays;
import java.util.Locale;

import io.leadrelay.security.Role;

/**
 * Reads a role as people type it: {@code marketer} as well as {@code MARKETER}.
 */
final class Roles {

	static final String RULE = "one of " + String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList());

	private Roles() {
	}

	/** The role named, or {@code null} when none is. */
	static Role parse(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidUserException("role", "role must be " + RULE);
		}
	}

}
