package io.leadrelay.pipeline.web;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.leadrelay.meta.FacebookIds;
import io.leadrelay.pipeline.LeadEventStatus;
import io.leadrelay.pipeline.LeadQuery;
import io.leadrelay.web.DayOrInstant;
import io.leadrelay.web.InvalidRequestException;

/**
 * The leads list's filters as the page and the API take them (strings from the URL), read
 * into a {@link LeadQuery}; a value that does not fit is an
 * {@link InvalidRequestException} naming its parameter.
 *
 * @param leadgenId a leadgen id
 * @param pageId a page id
 * @param formId a form id
 * @param status a status code
 * @param platform {@code facebook} or {@code instagram} (or Meta's codes {@code fb},
 * {@code ig})
 * @param from a date ({@code 2026-12-01}, from its start, UTC) or an instant
 * @param to a date (through its end, UTC) or an instant (excluded)
 * @param q an email, phone number or name
 */
record LeadFilters(String leadgenId, String pageId, String formId, String status, String platform, String from,
		String to, String q) {

	static final int MAX_PAGE_SIZE = 200;

	static final int MAX_SEARCH = 200;

	static final List<String> PLATFORMS = List.of("facebook", "instagram");

	/** A test lead's id: {@code test-} and hex digits (see the testlead feature). */
	private static final Pattern TEST_LEAD_ID = Pattern.compile("test-[0-9a-f]{1,27}");

	/** Whether a filter only the keyset list knows is set. */
	boolean needsKeyset() {
		return present(this.platform) || present(this.from) || present(this.to) || present(this.q);
	}

	LeadQuery query(Long before, Long after, int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
		}
		if (present(this.q) && this.q.trim().length() > MAX_SEARCH) {
			throw new InvalidRequestException("q", "q must be at most " + MAX_SEARCH + " characters");
		}
		Instant start = DayOrInstant.from("from", this.from);
		Instant end = DayOrInstant.to("to", this.to);
		if (start != null && end != null && !end.isAfter(start)) {
			throw new InvalidRequestException("to", "to must be after from");
		}
		return new LeadQuery(leadgenId("leadgenId", this.leadgenId), numericId("pageId", this.pageId),
				numericId("formId", this.formId), status(this.status), platform(this.platform), start, end,
				present(this.q) ? this.q.trim() : null, before, after, size);
	}

	/** A lead's id: Meta's numeric id, or a test lead's. */
	static String leadgenId(String name, String value) {
		if (present(value) && isTestLeadId(value.trim())) {
			return value.trim();
		}
		return numericId(name, value);
	}

	/** Whether the value is shaped like a lead's id: Meta's, or a test lead's. */
	static boolean isLeadId(String value) {
		return FacebookIds.isId(value) || isTestLeadId(value);
	}

	static boolean isTestLeadId(String value) {
		return value != null && TEST_LEAD_ID.matcher(value).matches();
	}

	static String numericId(String name, String value) {
		if (!present(value)) {
			return null;
		}
		String trimmed = value.trim();
		if (!FacebookIds.isId(trimmed)) {
			throw new InvalidRequestException(name, name + " must be a numeric id of 1 to 32 digits");
		}
		return trimmed;
	}

	static LeadEventStatus status(String value) {
		if (!present(value)) {
			return null;
		}
		return LeadEventStatus.fromCode(value)
			.orElseThrow(() -> new InvalidRequestException("status", "status must be one of "
					+ List.of(LeadEventStatus.values()).stream().map(LeadEventStatus::code).toList()));
	}

	private static String platform(String value) {
		if (!present(value)) {
			return null;
		}
		String code = PlatformNames.code(value);
		if (code == null) {
			throw new InvalidRequestException("platform", "platform must be facebook or instagram");
		}
		return code;
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
