package io.leadrelay.destination;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a destination sends leads.
 */
public enum DestinationType {

	/** HubSpot contacts, upserted by email. */
	HUBSPOT,

	/** Salesforce leads, upserted by an external-id field holding the leadgen id. */
	SALESFORCE,

	/** Pipedrive persons (found by email) and leads. */
	PIPEDRIVE,

	/** A signed HTTP POST to any URL, in the Standard Webhooks style. */
	WEBHOOK,

	/** Any Camel endpoint an ops route defines, such as {@code direct:sheets}. */
	ROUTE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DestinationType> fromCode(String code) {
		return Arrays.stream(values()).filter((type) -> type.code().equals(code)).findFirst();
	}

}
