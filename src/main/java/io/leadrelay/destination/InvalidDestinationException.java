package io.leadrelay.destination;

/**
 * A destination whose settings or credentials do not fit its type, naming the field.
 */
public class InvalidDestinationException extends RuntimeException {

	private final String field;

	public InvalidDestinationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
