package io.leadrelay.pipeline.web;

import java.util.ArrayList;
import java.util.List;

import io.leadrelay.meta.FacebookIds;
import io.leadrelay.pipeline.LeadEventStatus;
import io.leadrelay.pipeline.ReprocessFilter;
import io.leadrelay.web.DayOrInstant;
import io.leadrelay.web.InvalidRequestException;

/**
 * Reads a reprocess filter from request parameters or JSON fields, answering a bad value
 * with a 400 naming it, and describes a filter in the marketer's words.
 */
final class ReprocessFilters {

	private ReprocessFilters() {
	}

	static ReprocessFilter parse(String status, String pageId, String formId, String from, String to,
			String leadgenId) {
		return new ReprocessFilter(status(status), numericId("pageId", pageId), numericId("formId", formId),
				DayOrInstant.from("from", from), DayOrInstant.to("to", to),
				LeadFilters.leadgenId("leadgenId", leadgenId));
	}

	static String numericId(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!FacebookIds.isId(value)) {
			throw new InvalidRequestException(name, name + " must be a numeric id of 1 to 32 digits");
		}
		return value;
	}

	private static LeadEventStatus status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return LeadEventStatus.fromCode(value)
			.orElseThrow(() -> new InvalidRequestException("status",
					"status must be one of filtered, mapped or failed (the statuses that can be reprocessed)"));
	}

	/**
	 * The filter in words: "status Not mapped, form Spring offer (700000000000011)".
	 * @param formName the name of the filter's form, when known
	 */
	static String describe(ReprocessFilter filter, String formName) {
		List<String> parts = new ArrayList<>();
		if (filter.status() != null) {
			parts.add("status " + statusLabel(filter.status().code()));
		}
		if (filter.leadgenId() != null) {
			parts.add("lead " + filter.leadgenId());
		}
		if (filter.pageId() != null) {
			parts.add("page " + filter.pageId());
		}
		if (filter.formId() != null) {
			parts.add("form " + ((formName != null) ? formName + " (" + filter.formId() + ")" : filter.formId()));
		}
		if (filter.from() != null) {
			parts.add("received from " + filter.from());
		}
		if (filter.to() != null) {
			parts.add("received before " + filter.to());
		}
		return parts.isEmpty() ? "every Not mapped, Mapped or Failed lead" : String.join(", ", parts);
	}

	/**
	 * An error message about a filter field as the page shows it, with the field's label
	 * ("Form id must be ...") instead of its parameter name.
	 */
	static String forPage(String field, String message) {
		String label = switch (field) {
			case "status" -> "Status";
			case "pageId" -> "Page id";
			case "formId" -> "Form id";
			case "leadgenId" -> "Lead id";
			case "from" -> "Received from";
			case "to" -> "Received until";
			default -> null;
		};
		String words = message.replace("filtered, mapped or failed", "Not mapped, Mapped or Failed");
		return (label != null && words.startsWith(field + " ")) ? label + words.substring(field.length())
				: Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** A status as the leads pages name it. */
	static String statusLabel(String code) {
		return switch (code) {
			case "filtered" -> "Not mapped";
			case "mapped" -> "Mapped";
			case "failed" -> "Failed";
			case "received" -> "Received";
			case "enriching" -> "Fetching from Meta";
			case "needs_token" -> "Needs a page token";
			default -> code;
		};
	}

}
