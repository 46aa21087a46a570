package io.leadrelay.pipeline.web;

import java.util.Map;
import java.util.Set;

import io.leadrelay.audit.AuditRecord;

/**
 * A lead's audit entries as sentences a marketer reads ("Delivered to hubspot-main on the
 * first try"); an action this class does not know is shown as its code.
 */
final class TimelineWords {

	private static final Set<String> NOT_PEOPLE = Set.of("system", "meta");

	private TimelineWords() {
	}

	/**
	 * @param destinationNames the name of each destination that still exists, by id (a
	 * deleted destination is named by its id)
	 */
	static String describe(AuditRecord entry, Map<String, String> destinationNames) {
		Map<String, Object> details = entry.details();
		String destinationId = text(details, "destination");
		String destination = (destinationId != null) ? destinationNames.getOrDefault(destinationId, destinationId)
				: "its destination";
		String message = text(details, "message");
		String sentence = switch (entry.action()) {
			case "lead_event.received" -> switch (String.valueOf(text(details, "source"))) {
				case "backfill" -> "Received: found by the catch-up read of its form";
				case "test" -> "Test lead (not a real person) made";
				default -> "Received from Meta";
			};
			case "lead.test_sent" -> "Test lead sent through mapping " + text(details, "mapping");
			case "lead_event.duplicate" -> "Meta sent it again; LeadRelay kept it once";
			case "lead.enriching" -> "Fetching its details from Meta";
			case "lead.retry_scheduled" -> "Could not fetch its details yet; trying again later" + reason(message);
			case "lead.mapped" -> "Mapped: a delivery made for each destination of the mappings that took it";
			case "lead.filtered" -> "Not mapped: no mapping took it" + reason(message);
			case "lead.needs_token" -> "Waiting for its page's token" + reason(message);
			case "lead.failed" -> "Failed" + reason(message);
			case "lead.received" -> "Waiting to be processed again";
			case "lead.resumed" -> "Its page has a token again: fetching resumes";
			case "lead.reprocessed" -> "Run through the current mappings again";
			case "lead.suppressed" -> "Not kept: the person asked to be erased, so LeadRelay stores nothing of them";
			case "lead.personal_data_removed" -> "Personal data removed (the person asked to be erased)";
			case "delivery.pending" -> "Delivery to " + destination + " queued" + mapping(details);
			case "delivery.delivered" -> "Delivered to " + destination + tryNumber(details) + httpStatus(details);
			case "delivery.retrying" ->
				"Not delivered to " + destination + tryNumber(details) + httpStatus(details) + "; trying again later";
			case "delivery.dead" -> "Gave up on " + destination + ": it is a dead letter" + httpStatus(details);
			case "delivery.replayed" -> "Delivery to " + destination + " sent again (replay)";
			case "delivery.discarded" -> "Dead letter to " + destination + " discarded";
			case "delivery.payload_edited" -> "Payload to " + destination + " edited and sent again";
			default -> entry.action();
		};
		return NOT_PEOPLE.contains(entry.actor()) ? sentence : sentence + " by " + entry.actor();
	}

	private static String reason(String message) {
		return (message != null) ? " (" + message + ")" : "";
	}

	private static String mapping(Map<String, Object> details) {
		String mapping = text(details, "mapping");
		return (mapping != null) ? " by mapping " + mapping + version(text(details, "version")) : "";
	}

	private static String version(String version) {
		return (version != null) ? " v" + version : "";
	}

	private static String tryNumber(Map<String, Object> details) {
		String attempt = text(details, "attempt");
		return (attempt != null) ? " on try " + attempt : "";
	}

	private static String httpStatus(Map<String, Object> details) {
		String status = text(details, "http_status");
		return (status != null) ? " (the CRM answered HTTP " + status + ")" : "";
	}

	private static String text(Map<String, Object> details, String key) {
		Object value = (details != null) ? details.get(key) : null;
		return (value != null) ? String.valueOf(value) : null;
	}

}
