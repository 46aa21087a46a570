package io.leadrelay.metadeletion;

/**
 * A {@code signed_request} that is not Meta's, or not one that can be acted on.
 */
public class SignedRequestRefusedException extends RuntimeException {

	private final String reason;

	SignedRequestRefusedException(String reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	/** The kind of problem, as a code: {@code missing}, {@code malformed}, ... */
	public String reason() {
		return this.reason;
	}

}
