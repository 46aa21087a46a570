package io.leadrelay.delivery;

/**
 * A replay that cannot be done as asked, naming the request field that would change that.
 */
public class ReplayRefusedException extends RuntimeException {

	private final String field;

	ReplayRefusedException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
