package io.leadrelay.web;

/**
 * A request whose parameter is not acceptable; answered 400 with the parameter's name.
 */
public class InvalidRequestException extends RuntimeException {

	private final String field;

	public InvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
