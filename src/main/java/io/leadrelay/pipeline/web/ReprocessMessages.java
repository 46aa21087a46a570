package io.leadrelay.pipeline.web;

import java.util.ArrayList;
import java.util.List;

import io.leadrelay.pipeline.ReprocessOutcome;
import io.leadrelay.pipeline.Reprocessing;

/**
 * What a reprocess did, in sentences a marketer reads on the page and in the API's
 * summary.
 */
final class ReprocessMessages {

	private ReprocessMessages() {
	}

	static String single(ReprocessOutcome outcome) {
		String lead = "Lead " + outcome.leadgenId();
		if (outcome.fetchedAgain()) {
			return lead + " will be fetched from Meta again and mapped with the current mappings.";
		}
		if (outcome.destinations().isEmpty()) {
			return lead + " was reprocessed: still no mapping takes it.";
		}
		return lead + " was reprocessed: " + String.join("; ", outcome.sentences()) + ".";
	}

	static String bulk(Reprocessing.BulkOutcome outcome) {
		List<String> parts = new ArrayList<>();
		parts.add(outcome.reprocessed() + " reprocessed");
		parts.add(outcome.nowMapped() + " now mapped");
		if (outcome.fetchedAgain() > 0) {
			parts.add(outcome.fetchedAgain() + " will be fetched from Meta again");
		}
		if (!outcome.failed().isEmpty()) {
			parts.add(outcome.failed().size() + " could not be");
		}
		return String.join(", ", parts) + ".";
	}

}
