package io.leadrelay.security.users;

/**
 * The change would leave no enabled admin, and so nobody who could manage users again.
 */
class LastAdminException extends RuntimeException {

	LastAdminException(String username) {
		super(username + " is the last enabled admin: make another user an admin first");
	}

}
