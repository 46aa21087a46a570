package io.leadrelay.pipeline.web;

import java.util.Map;

/**
 * A lead's and a delivery's status in the marketer's words, with the badge that shows it.
 */
final class LeadWords {

	private static final Map<String, Word> LEAD = Map.of("received", new Word("Waiting", "text-bg-secondary"),
			"enriching", new Word("Fetching details", "text-bg-info"), "mapped", new Word("Mapped", "text-bg-success"),
			"needs_token", new Word("Needs a page token", "text-bg-warning"), "failed",
			new Word("Failed", "text-bg-danger"), "filtered", new Word("Not mapped", "text-bg-light border"),
			"suppressed", new Word("Not kept (erased person)", "text-bg-light border"));

	private static final Map<String, Word> DELIVERY = Map.of("pending", new Word("Queued", "text-bg-secondary"),
			"in_flight", new Word("Sending", "text-bg-info"), "retrying", new Word("Retrying", "text-bg-warning"),
			"delivered", new Word("Delivered", "text-bg-success"), "dead", new Word("Dead letter", "text-bg-danger"),
			"discarded", new Word("Discarded", "text-bg-light border"));

	private LeadWords() {
	}

	static Word lead(String status) {
		return LEAD.getOrDefault(status, new Word(status, "text-bg-light border"));
	}

	static Word delivery(String status) {
		return DELIVERY.getOrDefault(status, new Word(status, "text-bg-light border"));
	}

	/**
	 * A status as the page shows it.
	 *
	 * @param label the words
	 * @param badge the badge's Bootstrap classes
	 */
	record Word(String label, String badge) {

	}

}
