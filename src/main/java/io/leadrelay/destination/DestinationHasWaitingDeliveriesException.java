package io.leadrelay.destination;

/**
 * A destination is to be deleted while deliveries still wait for it, and the caller did
 * not say what becomes of them.
 */
public class DestinationHasWaitingDeliveriesException extends RuntimeException {

	private final int waiting;

	DestinationHasWaitingDeliveriesException(String id, int waiting) {
		super("The destination '" + id + "' has " + waiting + ((waiting == 1) ? " delivery" : " deliveries")
				+ " waiting (pending, retrying or in flight): let them finish (GET /api/v1/deliveries?destination=" + id
				+ "), or delete with ?waiting=dead to give them up as dead with the reason '"
				+ WaitingDeliveries.DESTINATION_DELETED + "'");
		this.waiting = waiting;
	}

	/** How many deliveries wait. */
	public int waiting() {
		return this.waiting;
	}

}
