package io.leadrelay.pipeline;

/**
 * No lead with this leadgen id was ever received.
 */
public class UnknownLeadException extends RuntimeException {

	public UnknownLeadException(String leadgenId) {
		super("No lead " + leadgenId + " was received");
	}

}
