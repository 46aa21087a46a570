package io.leadrelay.mapping;

/**
 * No mapping (or no such version of it) has the id asked for.
 */
public class MappingNotFoundException extends RuntimeException {

	MappingNotFoundException(String message) {
		super(message);
	}

}
