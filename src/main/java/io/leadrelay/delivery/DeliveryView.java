package io.leadrelay.delivery;

import java.time.Instant;

/**
 * A delivery as the API lists it.
 *
 * @param id its id
 * @param leadgenId the lead
 * @param destinationId where it goes
 * @param mappingId the mapping that made its payload
 * @param mappingVersion that mapping's version
 * @param status {@code pending}, {@code in_flight}, {@code retrying}, {@code delivered},
 * {@code dead} or {@code discarded}
 * @param attempts the tries counted since it was created or last replayed
 * @param nextAttemptAt when it is tried next
 * @param lastError why the last try failed
 * @param crmRecordId the CRM's record id once delivered
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param deliveredAt when the CRM took it
 * @param payloadRevision how many payloads it has had (1, + 1 for each change)
 * @param discarded who discarded it, when and why ({@code null} unless discarded)
 */
public record DeliveryView(long id, String leadgenId, String destinationId, String mappingId, int mappingVersion,
		String status, int attempts, Instant nextAttemptAt, String lastError, String crmRecordId, Instant createdAt,
		Instant updatedAt, Instant deliveredAt, int payloadRevision, Discard discarded) {

	/**
	 * A dead letter given up on by a person.
	 *
	 * @param at when
	 * @param by who
	 * @param reason why, in their words
	 */
	public record Discard(Instant at, String by, String reason) {
	}

}
