package io.leadrelay.pipeline.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.pipeline.ReprocessFilter;
import io.leadrelay.pipeline.ReprocessOutcome;
import io.leadrelay.pipeline.Reprocessing;
import io.leadrelay.web.InvalidRequestException;
import io.leadrelay.web.JsonBody;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs leads through the current mappings again: {@code POST
 * /api/v1/leads/{id}/reprocess} for one, {@code POST /api/v1/leads/reprocess} for all a
 * filter matches (1000 per call), {@code GET /api/v1/leads/reprocess/count} to know how
 * many first.
 */
@RestController
@RequestMapping("/api/v1/leads")
class ReprocessController {

	private static final Set<String> FILTER_FIELDS = Set.of("status", "pageId", "formId", "from", "to", "leadgenId",
			"after");

	private final Reprocessing reprocessing;

	ReprocessController(Reprocessing reprocessing) {
		this.reprocessing = reprocessing;
	}

	@PostMapping("/{leadgenId}/reprocess")
	ReprocessedLead reprocess(@PathVariable String leadgenId, Principal user) {
		String id = LeadFilters.leadgenId("leadgenId", leadgenId);
		return ReprocessedLead.of(this.reprocessing.reprocess(id, user.getName()));
	}

	@GetMapping("/reprocess/count")
	Count count(@RequestParam(required = false) String status, @RequestParam(required = false) String pageId,
			@RequestParam(required = false) String formId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String leadgenId) {
		ReprocessFilter filter = ReprocessFilters.parse(status, pageId, formId, from, to, leadgenId);
		return new Count(this.reprocessing.count(filter));
	}

	@PostMapping("/reprocess")
	Reprocessing.BulkOutcome reprocessAll(@RequestBody JsonNode body, Principal user) {
		JsonBody request = JsonBody.of(body, FILTER_FIELDS);
		ReprocessFilter filter = ReprocessFilters.parse(request.text("status"), request.text("pageId"),
				request.text("formId"), request.text("from"), request.text("to"), request.text("leadgenId"));
		String after = LeadFilters.leadgenId("after", request.text("after"));
		if (body.size() == 0) {
			throw new InvalidRequestException("$",
					"Give at least one filter (status, pageId, formId, from, to or leadgenId); "
							+ "{\"status\":\"filtered\"} takes every lead no mapping took");
		}
		return this.reprocessing.reprocessAll(filter, after, user.getName());
	}

	/**
	 * How many leads a bulk reprocess would take.
	 *
	 * @param count the number of filtered, mapped or failed leads the filter matches
	 */
	record Count(long count) {
	}

	/**
	 * One reprocessed lead.
	 *
	 * @param leadgenId the lead
	 * @param previousStatus its status before
	 * @param status its status now
	 * @param destinations what became of each destination
	 * @param summary the same in words
	 */
	record ReprocessedLead(String leadgenId, String previousStatus, String status,
			List<ReprocessOutcome.DestinationOutcome> destinations, String summary) {

		static ReprocessedLead of(ReprocessOutcome outcome) {
			return new ReprocessedLead(outcome.leadgenId(), outcome.previousStatus(), outcome.status(),
					outcome.destinations(), ReprocessMessages.single(outcome));
		}

	}

}
