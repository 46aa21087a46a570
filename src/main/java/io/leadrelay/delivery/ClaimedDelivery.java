package io.leadrelay.delivery;

import java.time.Instant;

/**
 * A delivery a worker holds until its lease runs out.
 *
 * @param id the delivery's id
 * @param leadgenId the lead
 * @param destinationId where it goes
 * @param payloadJson the mapped fields as a JSON object
 * @param attempts the tries counted so far
 * @param status the status it had before the claim ({@code pending} or {@code retrying})
 * @param retryFrom when its retry horizon started
 * @param claimToken the claim's token: only its holder may finish it
 * @param payloadRevision which payload this is: 1 for the first, + 1 each time a replay
 * changed it
 * @param eventTime when the lead's event happened
 * @param test whether it carries a test lead sent by a person
 */
record ClaimedDelivery(long id, String leadgenId, String destinationId, String payloadJson, int attempts, String status,
		Instant retryFrom, String claimToken, int payloadRevision, Instant eventTime, boolean test) {

	/** A delivery with its first payload, whose event happened when its retries began. */
	ClaimedDelivery(long id, String leadgenId, String destinationId, String payloadJson, int attempts, String status,
			Instant retryFrom, String claimToken) {
		this(id, leadgenId, destinationId, payloadJson, attempts, status, retryFrom, claimToken, 1, retryFrom, false);
	}

	@Override
	public String toString() {
		return "ClaimedDelivery[id=" + this.id + ", leadgenId=" + this.leadgenId + ", destination=" + this.destinationId
				+ "]";
	}

}
