package io.leadrelay.testlead;

/**
 * A test lead's answers that do not fit its mapping's questions, naming the answer.
 */
public class InvalidTestLeadException extends RuntimeException {

	private final String field;

	public InvalidTestLeadException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
