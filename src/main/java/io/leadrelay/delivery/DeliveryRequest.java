package io.leadrelay.delivery;

import java.time.Instant;
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
 * @param payloadRevision which payload of the delivery this is: 1 for the first, + 1 each
 * time a replay changed it (see {@link #messageId()})
 * @param eventTime when the lead's event happened (Meta's {@code created_time}, else when
 * the delivery was made), the same on every try; {@code null} when not known
 */
public record DeliveryRequest(long deliveryId, String leadgenId, String destinationId, Map<String, String> settings,
		Map<String, String> credentials, Map<String, String> payload, String idempotencyKey, boolean test,
		int payloadRevision, Instant eventTime) {

	public DeliveryRequest {
		settings = Map.copyOf(settings);
		credentials = Map.copyOf(credentials);
		payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
		if (payloadRevision < 1) {
			throw new IllegalArgumentException("payloadRevision starts at 1, not " + payloadRevision);
		}
	}

	/** A request with the delivery's first payload and no known event time. */
	public DeliveryRequest(long deliveryId, String leadgenId, String destinationId, Map<String, String> settings,
			Map<String, String> credentials, Map<String, String> payload, String idempotencyKey, boolean test) {
		this(deliveryId, leadgenId, destinationId, settings, credentials, payload, idempotencyKey, test, 1, null);
	}

	/** The idempotency key of a (lead, destination). */
	public static String idempotencyKey(String leadgenId, String destinationId) {
		return "leadrelay-" + leadgenId + "-" + destinationId;
	}

	/**
	 * The id of this payload of the delivery, for targets that drop repeats by a message
	 * id (Standard Webhooks' {@code webhook-id}): the same on every try of one payload, a
	 * new one when the payload changed. It is the {@link #idempotencyKey()} for the first
	 * payload, and {@code <idempotencyKey>-r<n>} for the n-th.
	 */
	public String messageId() {
		return (this.payloadRevision == 1) ? this.idempotencyKey : this.idempotencyKey + "-r" + this.payloadRevision;
	}

	@Override
	public String toString() {
		return "DeliveryRequest[deliveryId=" + this.deliveryId + ", leadgenId=" + this.leadgenId + ", destination="
				+ this.destinationId + ", fields=" + this.payload.keySet() + "]";
	}

}
