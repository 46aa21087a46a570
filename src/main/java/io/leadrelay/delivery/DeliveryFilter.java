package io.leadrelay.delivery;

import java.time.Instant;

/**
 * Which deliveries to list or replay; {@code null} parts match everything.
 *
 * @param status the status
 * @param destinationId the destination
 * @param leadgenId the lead
 * @param error text the last error contains (ignoring case)
 * @param from created at or after
 * @param to created before
 */
public record DeliveryFilter(DeliveryStatus status, String destinationId, String leadgenId, String error, Instant from,
		Instant to) {

}
