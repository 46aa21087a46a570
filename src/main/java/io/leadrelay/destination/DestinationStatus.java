package io.leadrelay.destination;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a destination's target takes its credentials. Stored and shown by its
 * {@link #code() code}, such as {@code needs_credentials}.
 */
public enum DestinationStatus {

	/** Nothing is known against it. */
	ACTIVE,

	/** Its target refused its credentials: paused until they are replaced. */
	NEEDS_CREDENTIALS;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static DestinationStatus fromCode(String code) {
		return Arrays.stream(values())
			.filter((status) -> status.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("A stored destination has the unknown status " + code));
	}

}
