package io.leadrelay.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a lead stands: {@code received → enriching → mapped | needs_token | failed |
 * filtered | suppressed}. Ingest appends events as {@code received}; every later status
 * is the pipeline's.
 */
public enum LeadEventStatus {

	/** Stored by ingest, waiting for the pipeline. */
	RECEIVED,

	/** Claimed by a pipeline worker, or waiting for its next try. */
	ENRICHING,

	/**
	 * Enriched and kept, with one delivery per destination of the mappings that took it.
	 */
	MAPPED,

	/** Parked until its page has a (new) token; then it is received again. */
	NEEDS_TOKEN,

	/** Meta refused the lead for good, or the retries ran out. */
	FAILED,

	/** Enriched and kept, but no mapping took it. */
	FILTERED,

	/**
	 * Not kept: the lead is a person's whose data was erased on request (no answers, no
	 * deliveries).
	 */
	SUPPRESSED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<LeadEventStatus> fromCode(String code) {
		return Arrays.stream(values()).filter((status) -> status.code().equals(code)).findFirst();
	}

}
