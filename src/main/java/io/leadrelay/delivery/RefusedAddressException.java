package io.leadrelay.delivery;

import java.io.IOException;

/**
 * A call to a destination stopped before it left: its host is, or resolves to, an address
 * destinations may not reach. Thrown by the HTTP client of a {@link NetworkGuard} as an
 * {@link IOException}, as a failed connect would be.
 */
public class RefusedAddressException extends IOException {

	/** The error code of the dead letter it makes. */
	public static final String ERROR_CODE = "address_refused";

	public RefusedAddressException(String message) {
		super(message);
	}

	/**
	 * A refusal: trying again cannot help until the destination or
	 * {@value NetworkGuard#ALLOWED_NETWORKS} changes, so the lead goes to the dead
	 * letters with this message, to be replayed after.
	 */
	public DeliveryOutcome.Permanent outcome() {
		return new DeliveryOutcome.Permanent("Not called: " + getMessage(), null, ERROR_CODE);
	}

}
