package io.leadrelay.security;

/**
 * What a user may do: ADMIN everything, MARKETER mappings, destinations and replay,
 * VIEWER read only.
 */
public enum Role {

	ADMIN, MARKETER, VIEWER

}
