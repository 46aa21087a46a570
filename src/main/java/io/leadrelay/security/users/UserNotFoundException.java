package io.leadrelay.security.users;

/**
 * No user has this number.
 */
class UserNotFoundException extends RuntimeException {

	UserNotFoundException(long id) {
		super("No user " + id);
	}

}
