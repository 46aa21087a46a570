package io.leadrelay.delivery;

import java.time.Instant;

/**
 * One try of a delivery.
 *
 * @param startedAt when it started
 * @param durationMs how long the CRM took
 * @param outcome {@code delivered}, {@code failed}, {@code throttled}, {@code rejected}
 * or {@code credentials_rejected}
 * @param httpStatus the CRM's HTTP status
 * @param errorCode the CRM's error code
 * @param message what the CRM said
 * @param crmRecordId the record it created or updated
 */
public record DeliveryAttemptView(Instant startedAt, long durationMs, String outcome, Integer httpStatus,
		String errorCode, String message, String crmRecordId) {

}
