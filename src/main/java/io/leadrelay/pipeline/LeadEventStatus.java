package io.leadrelay.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a lead stands: {@code received → enriching → mapped | needs_token | failed |
 * filtered}.
 */
public enum LeadEventStatus {

	RECEIVED, ENRICHING, MAPPED, NEEDS_TOKEN, FAILED, FILTERED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<LeadEventStatus> fromCode(String code) {
		return Arrays.stream(values()).filter((status) -> status.code().equals(code)).findFirst();
	}

}
