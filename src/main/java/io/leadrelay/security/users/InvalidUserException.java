package io.leadrelay.security.users;

/**
 * A user cannot be created or changed as asked: a field breaks its rule.
 */
class InvalidUserException extends RuntimeException {

	private final String field;

	InvalidUserException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The offending field, such as {@code username} or {@code password}. */
	String field() {
		return this.field;
	}

}
