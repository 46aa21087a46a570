package io.leadrelay.destination;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What deleting a destination does with the deliveries that still wait for it.
 */
public enum WhenWaiting {

	/** Refuse the delete while any wait: they are let finish first. */
	REFUSE,

	/**
	 * Give them up: each becomes dead with the reason
	 * {@value WaitingDeliveries#DESTINATION_DELETED}.
	 */
	DEAD;

	/** The value of the API's {@code waiting} parameter that asks for this. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<WhenWaiting> fromCode(String code) {
		return Arrays.stream(values()).filter((choice) -> choice.code().equals(code)).findFirst();
	}

}
