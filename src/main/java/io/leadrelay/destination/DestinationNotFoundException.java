package io.leadrelay.destination;

/**
 * No destination with this id exists.
 */
public class DestinationNotFoundException extends RuntimeException {

	public DestinationNotFoundException(String id) {
		super("No destination " + id + " exists");
	}

}
