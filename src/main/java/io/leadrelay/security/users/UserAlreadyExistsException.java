package io.leadrelay.security.users;

/**
 * A user with this name exists already.
 */
class UserAlreadyExistsException extends RuntimeException {

	UserAlreadyExistsException(String username) {
		super("A user named " + username + " exists already");
	}

}
