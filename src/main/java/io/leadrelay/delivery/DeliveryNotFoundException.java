package io.leadrelay.delivery;

/**
 * No delivery has the id asked for.
 */
public class DeliveryNotFoundException extends RuntimeException {

	DeliveryNotFoundException(long id) {
		super("There is no delivery " + id);
	}

}
