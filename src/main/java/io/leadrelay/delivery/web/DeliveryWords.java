package io.leadrelay.delivery.web;

import java.util.Map;

import io.leadrelay.delivery.DeliveryStatus;

import org.springframework.stereotype.Component;

/**
 * Deliveries in a marketer's words, for the pages:
 * {@code ${@deliveryWords.status(code)}}. The codes ({@code in_flight},
 * {@code credentials_rejected}) stay in the API.
 */
@Component("deliveryWords")
class DeliveryWords {

	private static final Map<String, String> BADGES = Map.of("pending", "text-bg-secondary", "in_flight",
			"text-bg-info", "retrying", "text-bg-warning", "delivered", "text-bg-success", "dead", "text-bg-danger",
			"discarded", "text-bg-light border");

	private static final Map<String, String> OUTCOMES = Map.of("delivered", "Delivered", "failed",
			"Failed, to be tried again", "throttled", "Slowed down by the CRM (not counted)", "rejected",
			"Refused by the CRM", "credentials_rejected", "The CRM refused the credentials");

	public String status(String code) {
		return DeliveryStatus.labelOf(code);
	}

	public String badge(String code) {
		return BADGES.getOrDefault(code, "text-bg-secondary");
	}

	public String outcome(String code) {
		return OUTCOMES.getOrDefault(code, code);
	}

	/** A duration in milliseconds as people read it: {@code 240 ms}, {@code 3.2 s}. */
	public String duration(long millis) {
		return (millis < 1000) ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
	}

}
