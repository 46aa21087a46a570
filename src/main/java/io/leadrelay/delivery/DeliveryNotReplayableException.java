package io.leadrelay.delivery;

/**
 * A delivery that is still on its way cannot be replayed.
 */
public class DeliveryNotReplayableException extends RuntimeException {

	DeliveryNotReplayableException(long id, String status) {
		super("Delivery " + id + " is " + status + "; only dead or delivered deliveries can be replayed");
	}

}
