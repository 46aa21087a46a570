package io.leadrelay.delivery;

import java.util.Locale;

/**
 * Where a delivery stands: {@code pending → in_flight → delivered | retrying | dead}.
 */
public enum DeliveryStatus {

	PENDING, IN_FLIGHT, DELIVERED, RETRYING, DEAD;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
