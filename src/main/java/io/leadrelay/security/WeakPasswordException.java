package io.leadrelay.security;

/**
 * A password that {@link PasswordPolicy} refuses; the message says why, in words to show
 * the person who chose it.
 */
public class WeakPasswordException extends IllegalArgumentException {

	WeakPasswordException(String message) {
		super(message);
	}

}
