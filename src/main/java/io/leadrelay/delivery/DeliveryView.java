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
 * @param status {@code pending}, {@code in_flight}, {@code retrying}, {@code delivered}
 * or {@code dead}
 * @param attempts the tries counted since it was created or last replayed
 * @param nextAttemptAt when it is tried next
 * @param lastError why the last try failed
 * @param crmRecordId the CRM's record id once delivered
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param deliveredAt when the CRM took it
 */
public record DeliveryView(long id, String leadgenId, String destinationId, String mappingId, int mappingVersion,
		String status, int attempts, Instant nextAttemptAt, String lastError, String crmRecordId, Instant createdAt,
		Instant updatedAt, Instant deliveredAt) {

}
