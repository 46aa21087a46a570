package io.leadrelay.delivery;

/**
 * A change to a delivery (a discard, an edited payload) that cannot be made as asked,
 * naming the field that is wrong.
 */
public class DeliveryChangeRefusedException extends RuntimeException {

	private final String field;

	DeliveryChangeRefusedException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
