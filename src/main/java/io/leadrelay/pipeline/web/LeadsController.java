package io.leadrelay.pipeline.web;

import java.util.List;
import java.util.regex.Pattern;

import io.leadrelay.pipeline.LeadEventFilter;
import io.leadrelay.pipeline.LeadEventStatus;
import io.leadrelay.pipeline.LeadEventView;
import io.leadrelay.pipeline.LeadEvents;
import io.leadrelay.web.InvalidRequestException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/leads}: the leads LeadRelay has stored, newest first, paged and
 * filtered.
 */
@RestController
@RequestMapping("/api/v1/leads")
class LeadsController {

	static final int MAX_PAGE_SIZE = 200;

	private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,32}");

	private final LeadEvents leadEvents;

	LeadsController(LeadEvents leadEvents) {
		this.leadEvents = leadEvents;
	}

	@GetMapping
	LeadsSlice list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) String leadgenId, @RequestParam(required = false) String pageId,
			@RequestParam(required = false) String formId, @RequestParam(required = false) String status) {
		if (page < 0) {
			throw new InvalidRequestException("page", "page must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
		}
		LeadEventFilter filter = new LeadEventFilter(numericId("leadgenId", leadgenId), numericId("pageId", pageId),
				numericId("formId", formId), status(status));
		LeadEvents.Slice found = this.leadEvents.find(filter, page, size);
		return new LeadsSlice(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages());
	}

	private static String numericId(String name, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (!NUMERIC_ID.matcher(value).matches()) {
			throw new InvalidRequestException(name, name + " must be a numeric id of 1 to 32 digits");
		}
		return value;
	}

	private static LeadEventStatus status(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		return LeadEventStatus.fromCode(value)
			.orElseThrow(() -> new InvalidRequestException("status", "status must be one of "
					+ List.of(LeadEventStatus.values()).stream().map(LeadEventStatus::code).toList()));
	}

	/**
	 * One page of leads.
	 *
	 * @param items the leads on this page
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param totalItems how many leads match
	 * @param totalPages how many pages of this size they fill
	 */
	record LeadsSlice(List<LeadEventView> items, int page, int size, long totalItems, long totalPages) {

	}

}
