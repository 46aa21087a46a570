package io.leadrelay.mapping;

/**
 * A mapping is created with an id that another mapping has.
 */
public class MappingAlreadyExistsException extends RuntimeException {

	MappingAlreadyExistsException(String id) {
		super("A mapping '" + id + "' exists already: save a new version with PUT /api/v1/mappings/" + id);
	}

}
