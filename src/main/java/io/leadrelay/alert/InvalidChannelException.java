package io.leadrelay.alert;

/** A channel or a lead notification that cannot be saved, naming the field at fault. */
public class InvalidChannelException extends RuntimeException {

	private final String field;

	public InvalidChannelException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
