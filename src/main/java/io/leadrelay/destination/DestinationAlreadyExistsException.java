package io.leadrelay.destination;

/**
 * A destination with this id exists already.
 */
public class DestinationAlreadyExistsException extends RuntimeException {

	public DestinationAlreadyExistsException(String id) {
		super("Destination " + id + " exists already; change it with PUT /api/v1/destinations/" + id);
	}

}
