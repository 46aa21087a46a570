package io.leadrelay.delivery;

import java.time.Duration;

/**
 * What a connector says of one try: the only ways a delivery can end a try. Connectors
 * never throw for what a CRM answers; they say which of these it was.
 */
public sealed interface DeliveryOutcome {

	/** The HTTP status the CRM answered, or {@code null} (no reply, or not HTTP). */
	Integer httpStatus();

	/** The CRM's error code, or {@code null}. */
	String errorCode();

	/** A short description for the attempt log and the dead-letter list (no secrets). */
	String message();

	/**
	 * The CRM has the lead.
	 *
	 * @param crmRecordId the id of the record it created or updated, when it says
	 * @param httpStatus its status
	 * @param message what it said, such as {@code created} or {@code updated}
	 */
	record Delivered(String crmRecordId, Integer httpStatus, String message) implements DeliveryOutcome {

		@Override
		public String errorCode() {
			return null;
		}

	}

	/**
	 * Try again later: the CRM is down, slow, or busy.
	 *
	 * @param after when to try again as the CRM asked ({@code Retry-After} and the like),
	 * or {@code null} to follow the retry schedule
	 * @param throttled whether the CRM only asked to slow down (a 429): such a try does
	 * not count as an attempt
	 * @param message what went wrong
	 * @param httpStatus the CRM's status, or {@code null}
	 * @param errorCode the CRM's error code, or {@code null}
	 */
	record Retry(Duration after, boolean throttled, String message, Integer httpStatus,
			String errorCode) implements DeliveryOutcome {

		public static Retry transientFailure(String message, Integer httpStatus) {
			return new Retry(null, false, message, httpStatus, null);
		}

		public static Retry throttled(Duration after, String message, Integer httpStatus, String errorCode) {
			return new Retry(after, true, message, httpStatus, errorCode);
		}

	}

	/**
	 * The CRM refuses the lead as it is (validation): retrying will not help, a person
	 * must fix the mapping or the CRM and replay it.
	 *
	 * @param message the CRM's own message
	 * @param httpStatus its status
	 * @param errorCode its error code
	 */
	record Permanent(String message, Integer httpStatus, String errorCode) implements DeliveryOutcome {

	}

	/**
	 * The CRM refuses the destination's credentials (401, 403): the destination is paused
	 * until they change, and its deliveries wait without burning attempts.
	 *
	 * @param message what the CRM said
	 * @param httpStatus its status
	 */
	record CredentialsRejected(String message, Integer httpStatus) implements DeliveryOutcome {

		@Override
		public String errorCode() {
			return null;
		}

	}

}
