package io.leadrelay.privacy;

/**
 * An erasure that cannot be done right now, and nothing was changed: one of the person's
 * deliveries is being sent to its destination at this moment.
 */
public class ErasureRefusedException extends RuntimeException {

	ErasureRefusedException(String message) {
		super(message);
	}

}
