package io.leadrelay.security;

/**
 * What a user whose password was accepted still has to do before the session is granted
 * their role, in this order.
 */
public enum Step {

	/** Give a code from the authenticator app (or a recovery code). */
	TWO_FACTOR("/login/two-factor"),

	/** Replace a generated password (first start, or reset by an admin). */
	CHANGE_PASSWORD("/account/password"),

	/**
	 * Turn on two-factor: admins must when leadrelay.security.require-mfa-for-admins is
	 * on.
	 */
	ENROL_TWO_FACTOR("/account/two-factor");

	private final String page;

	Step(String page) {
		this.page = page;
	}

	/** The page where the user takes this step. */
	public String page() {
		return this.page;
	}

	/** The authority a session waiting for this step holds instead of a role. */
	public String authority() {
		return "STEP_" + name();
	}

}
