package io.leadrelay.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One lead to send to one destination, with everything the connector needs.
 *
 * @param deliveryId the delivery's id
 * @param leadgenId the lead's Meta id
 * @param destinationId the destination's id
 * @param settings the destination's settings (defaults filled in)
 * @param credentials the destination's credentials, decrypted; never log them
 * @param payload the mapped CRM fields, in the mapping's order
 * @param idempotencyKey a key stable across retries and replays of this (lead,
 * destination), to send where the target accepts one
 * @param test whether this is a test lead sent from the admin API
 */
public record DeliveryRequest(long deliveryId, String leadgenId, String destinationId, Map<String, String> settings,
		Map<String, String> credentials, Map<String, String> payload, String idempotencyKey, boolean test) {

	public DeliveryRequest {
		settings = Map.copyOf(settings);
		credentials = Map.copyOf(credentials);
		payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
	}

	/** The idempotency key of a (lead, destination). */
	public static String idempotencyKey(String leadgenId, String destinationId) {
		return "leadrelay-" + leadgenId + "-" + destinationId;
	}

	@Override
	public String toString() {
		return "DeliveryRequest[deliveryId=" + this.deliveryId + ", leadgenId=" + this.leadgenId + ", destination="
				+ this.destinationId + ", fields=" + this.payload.keySet() + "]";
	}

}
