package io.leadrelay.pipeline;

import java.util.List;

/**
 * What reprocessing one lead did.
 *
 * @param leadgenId the lead
 * @param previousStatus its status before
 * @param status its status now
 * @param destinations what became of each destination a current mapping sends it to
 * (empty for a failed lead, sent back to be fetched again)
 */
public record ReprocessOutcome(String leadgenId, String previousStatus, String status,
		List<DestinationOutcome> destinations) {

	/** Whether a failed lead was sent back to be fetched from Meta again. */
	public boolean fetchedAgain() {
		return LeadEventStatus.RECEIVED.code().equals(this.status);
	}

	public boolean nowMapped() {
		return LeadEventStatus.MAPPED.code().equals(this.status);
	}

	public long count(Result result) {
		return this.destinations.stream().filter((outcome) -> outcome.result() == result).count();
	}

	/** One sentence per destination, for people. */
	public List<String> sentences() {
		return this.destinations.stream().map(DestinationOutcome::sentence).toList();
	}

	/**
	 * What became of one destination.
	 *
	 * @param destination the destination
	 * @param mapping the mapping that sends the lead there now
	 * @param result what was done
	 * @param detail why (a mapping error, the delivery's status), or {@code null}
	 */
	public record DestinationOutcome(String destination, String mapping, Result result, String detail) {

		public String sentence() {
			return switch (this.result) {
				case QUEUED -> "queued for " + this.destination;
				case REPLAYED -> "sent again to " + this.destination + " with the new fields";
				case ALREADY_DELIVERED -> "already delivered to " + this.destination + ", left alone";
				case ALREADY_QUEUED -> "already on its way to " + this.destination + ", left alone";
				case NOT_MAPPED ->
					"could not be mapped for " + this.destination + " (mapping " + this.mapping + "): " + this.detail;
			};
		}

	}

	/** What reprocessing did for one destination. */
	public enum Result {

		/** A new delivery, due now. */
		QUEUED,

		/** A dead delivery, sent again with the new payload. */
		REPLAYED,

		/** Its delivery had already reached the destination: left alone. */
		ALREADY_DELIVERED,

		/** Its delivery is waiting or being retried: left alone. */
		ALREADY_QUEUED,

		/** The mapping cannot map the lead (a required field missing, say). */
		NOT_MAPPED

	}

}
