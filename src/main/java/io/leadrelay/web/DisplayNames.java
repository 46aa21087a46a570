package io.leadrelay.web;

/**
 * The rule for names people give pages and destinations.
 */
public final class DisplayNames {

	public static final int MAX_LENGTH = 200;

	private DisplayNames() {
	}

	/** The name stripped, {@code null} when absent and not required. */
	public static String check(String value, boolean required) {
		if (value == null && !required) {
			return null;
		}
		if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
			throw new InvalidRequestException("name", "name must be 1 to " + MAX_LENGTH + " characters");
		}
		return value.strip();
	}

}
