package io.leadrelay.ingest;

/**
 * A webhook body that is not a Meta notification we can store, with the JSON path of the
 * offending field.
 */
class InvalidPayloadException extends RuntimeException {

	private final String field;

	InvalidPayloadException(String field, String message) {
		super(field + " " + message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
