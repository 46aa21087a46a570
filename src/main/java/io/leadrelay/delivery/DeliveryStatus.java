package io.leadrelay.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a delivery stands: {@code pending → in_flight → delivered | retrying | dead}.
 */
public enum DeliveryStatus {

	PENDING, IN_FLIGHT, DELIVERED, RETRYING, DEAD;

	public static Optional<DeliveryStatus> fromCode(String code) {
		return Arrays.stream(values()).filter((status) -> status.code().equals(code)).findFirst();
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
