package io.leadrelay.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a delivery stands: {@code pending → in_flight → delivered | retrying | dead}; a
 * person may discard a dead one ({@code discarded}: kept, never sent, no longer a dead
 * letter).
 */
public enum DeliveryStatus {

	PENDING("Queued"), IN_FLIGHT("Sending"), DELIVERED("Delivered"), RETRYING("Retrying"), DEAD("Dead letter"),
	DISCARDED("Discarded");

	private final String label;

	DeliveryStatus(String label) {
		this.label = label;
	}

	public static Optional<DeliveryStatus> fromCode(String code) {
		return Arrays.stream(values()).filter((status) -> status.code().equals(code)).findFirst();
	}

	/** The label for a status code, in a marketer's words; the code itself if unknown. */
	public static String labelOf(String code) {
		return fromCode(code).map(DeliveryStatus::label).orElse(code);
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status in a marketer's words, as the pages show it. */
	public String label() {
		return this.label;
	}

}
