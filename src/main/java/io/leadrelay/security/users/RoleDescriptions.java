package io.leadrelay.security.users;

import java.util.Map;

import io.leadrelay.security.Role;

/**
 * What each role may do, in the words the pages use beside the role's name.
 */
final class RoleDescriptions {

	static final Map<Role, String> ALL = Map.of(Role.ADMIN, "everything, including users and settings", Role.MARKETER,
			"pages, destinations, mappings, replays and test leads; sees lead answers", Role.VIEWER,
			"reads everything but a lead's personal data");

	private RoleDescriptions() {
	}

}
