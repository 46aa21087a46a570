package io.leadrelay.admin;

/**
 * A request whose parameter is not acceptable; answered 400 with the parameter's name.
 */
class InvalidRequestException extends RuntimeException {

	private final String field;

	InvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
