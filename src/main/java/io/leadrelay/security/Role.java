package io.leadrelay.security;

/**
 * What a user may do: ADMIN everything (users, audit, settings), MARKETER pages,
 * destinations, mappings, replays and test leads, and sees personal data; VIEWER reads
 * everything but a lead's personal data.
 */
public enum Role {

	ADMIN, MARKETER, VIEWER;

	/** The authority Spring Security checks for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
