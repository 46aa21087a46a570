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
 */
record ClaimedDelivery(long id, String leadgenId, String destinationId, String payloadJson, int attempts, String status,
		Instant retryFrom, String claimToken) {

	@Override
	public String toString() {
		return "ClaimedDelivery[id=" + this.id + ", leadgenId=" + this.leadgenId + ", destination=" + this.destinationId
				+ "]";
	}

}
