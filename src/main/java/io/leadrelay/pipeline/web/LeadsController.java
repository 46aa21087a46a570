package io.leadrelay.pipeline.web;

import java.util.List;

import io.leadrelay.pipeline.LeadDetail;
import io.leadrelay.pipeline.LeadDetails;
import io.leadrelay.pipeline.LeadEventFilter;
import io.leadrelay.pipeline.LeadEvents;
import io.leadrelay.pipeline.LeadQuery;
import io.leadrelay.pipeline.LeadSearch;
import io.leadrelay.web.ApiProblems;
import io.leadrelay.web.InvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/leads}: the leads LeadRelay has stored, newest first, filtered and
 * searched, paged by keyset ({@code cursor}, from the previous answer's
 * {@code nextCursor}) or, as before, by page number; {@code GET /api/v1/leads/{id}}: one
 * lead's story (answers masked for viewers); {@code GET /api/v1/leads/{id}/timeline}: its
 * audit trail.
 */
@RestController
@RequestMapping("/api/v1/leads")
class LeadsController {

	static final int MAX_PAGE_SIZE = LeadFilters.MAX_PAGE_SIZE;

	private final LeadEvents leadEvents;

	private final LeadSearch search;

	private final LeadDetails details;

	private final LeadJson leadJson;

	LeadsController(LeadEvents leadEvents, LeadSearch search, LeadDetails details, LeadJson leadJson) {
		this.leadEvents = leadEvents;
		this.search = search;
		this.details = details;
		this.leadJson = leadJson;
	}

	@GetMapping
	LeadsSlice list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) String cursor, @ModelAttribute LeadFilters filters) {
		if (page < 0) {
			throw new InvalidRequestException("page", "page must be 0 or more");
		}
		Long before = cursor(cursor);
		LeadQuery query = filters.query(before, null, size);
		boolean keyset = before != null || filters.needsKeyset();
		if (keyset && page > 0) {
			throw new InvalidRequestException("page", "page cannot be combined with cursor, platform, from, to or q");
		}
		if (page > 0) {
			LeadEvents.Slice found = this.leadEvents.find(
					new LeadEventFilter(query.leadgenId(), query.pageId(), query.formId(), query.status()), page, size);
			return new LeadsSlice(found.items().stream().map(LeadItem::of).toList(), page, size, found.totalItems(),
					found.totalPages(), null);
		}
		LeadSearch.LeadSlice found = this.search.find(query);
		List<LeadItem> items = found.items().stream().map(LeadItem::of).toList();
		String next = (found.olderCursor() != null) ? String.valueOf(found.olderCursor()) : null;
		if (keyset) {
			return new LeadsSlice(items, null, size, null, null, next);
		}
		// The first page of the page-numbered list keeps its totals, as before keyset
		// paging.
		LeadEvents.Slice counted = this.leadEvents
			.count(new LeadEventFilter(query.leadgenId(), query.pageId(), query.formId(), query.status()), size);
		return new LeadsSlice(items, 0, size, counted.totalItems(), counted.totalPages(), next);
	}

	@GetMapping("/{leadgenId}")
	LeadJson.Lead lead(@PathVariable String leadgenId, Authentication caller) {
		return this.details.find(leadgenId(leadgenId))
			.map((lead) -> this.leadJson.lead(lead, caller))
			.orElseThrow(() -> new UnknownLeadException(leadgenId));
	}

	@GetMapping("/{leadgenId}/timeline")
	List<LeadJson.TimelineEntry> timeline(@PathVariable String leadgenId) {
		String id = leadgenId(leadgenId);
		return this.leadJson
			.timeline(this.details.find(id).map(LeadDetail::timeline).orElseThrow(() -> new UnknownLeadException(id)));
	}

	@ExceptionHandler(UnknownLeadException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail unknown(UnknownLeadException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	private static String leadgenId(String value) {
		String id = LeadFilters.leadgenId("leadgenId", value);
		if (id == null) {
			throw new InvalidRequestException("leadgenId", "leadgenId must be a numeric id of 1 to 32 digits");
		}
		return id;
	}

	private static Long cursor(String value) {
		if (!LeadFilters.present(value)) {
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("cursor", "cursor must be a nextCursor this API gave");
		}
	}

	/**
	 * One slice of leads.
	 *
	 * @param items the leads on this slice
	 * @param page the page number, from 0 (absent when paging by cursor)
	 * @param size the slice's size
	 * @param totalItems how many leads match (absent when paging by cursor)
	 * @param totalPages how many pages of this size they fill (absent when paging by
	 * cursor)
	 * @param nextCursor pass it as {@code cursor} for the next, older, slice; absent at
	 * the end
	 */
	record LeadsSlice(List<LeadItem> items, Integer page, int size, Long totalItems, Long totalPages,
			String nextCursor) {

	}

}
