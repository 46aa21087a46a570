package io.leadrelay.pipeline;

/**
 * A lead that cannot be reprocessed as it stands (still on its way, waiting for a token,
 * its answers no longer kept), or a filter naming such leads.
 */
public class ReprocessRefusedException extends RuntimeException {

	private final String field;

	public ReprocessRefusedException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The request field at fault, or {@code null}. */
	public String field() {
		return this.field;
	}

}
