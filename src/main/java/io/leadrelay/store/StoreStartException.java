package io.leadrelay.store;

/**
 * The embedded store could not start; the message says why and the action what to do.
 */
class StoreStartException extends RuntimeException {

	private final String action;

	StoreStartException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
