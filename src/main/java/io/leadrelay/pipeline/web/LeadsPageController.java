package io.leadrelay.pipeline.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.destination.Destinations;
import io.leadrelay.pipeline.LeadDetail;
import io.leadrelay.pipeline.LeadDetails;
import io.leadrelay.pipeline.LeadEventStatus;
import io.leadrelay.pipeline.LeadQuery;
import io.leadrelay.pipeline.LeadRow;
import io.leadrelay.pipeline.LeadSearch;
import io.leadrelay.security.PersonalData;
import io.leadrelay.web.Fragments;
import io.leadrelay.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The leads pages: {@code /leads}, every lead filtered, searched and paged by keyset; and
 * {@code /leads/{leadgenId}}, one lead's whole story.
 */
@Controller
@RequestMapping("/leads")
class LeadsPageController {

	static final int PAGE_SIZE = 50;

	private final LeadSearch search;

	private final LeadDetails details;

	private final LeadJson leadJson;

	private final Destinations destinations;

	LeadsPageController(LeadSearch search, LeadDetails details, LeadJson leadJson, Destinations destinations) {
		this.search = search;
		this.details = details;
		this.leadJson = leadJson;
		this.destinations = destinations;
	}

	@ModelAttribute
	void navigation(Model model) {
		model.addAttribute("activeNav", "leads");
		model.addAttribute("statuses",
				List.of(LeadEventStatus.values())
					.stream()
					.map((status) -> Map.entry(status.code(), LeadWords.lead(status.code()).label()))
					.toList());
		model.addAttribute("platforms", LeadFilters.PLATFORMS);
	}

	@GetMapping
	String list(@ModelAttribute("filters") LeadFilters filters, @RequestParam(required = false) Long before,
			@RequestParam(required = false) Long after, Authentication caller, Model model,
			HttpServletRequest request) {
		String query = queryString(filters);
		model.addAttribute("query", query);
		model.addAttribute("filtered", !query.isEmpty());
		LeadQuery leadQuery;
		try {
			leadQuery = filters.query(before, after, PAGE_SIZE);
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("errorField", ex.field());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("rows", List.of());
			return Fragments.view(request, "leads/list");
		}
		LeadSearch.LeadSlice slice = this.search.find(leadQuery);
		boolean mayRead = PersonalData.visibleTo(caller);
		model.addAttribute("rows", slice.items().stream().map((row) -> listed(row, mayRead)).toList());
		int count = this.search.countUpToLimit(leadQuery);
		model.addAttribute("count", (count > LeadSearch.COUNT_LIMIT) ? "1,000+" : String.format("%,d", count));
		String base = "/leads" + (query.isEmpty() ? "?" : "?" + query + "&");
		model.addAttribute("olderUrl", (slice.olderCursor() != null) ? base + "before=" + slice.olderCursor() : null);
		model.addAttribute("newerUrl", (slice.newerCursor() != null) ? base + "after=" + slice.newerCursor() : null);
		return Fragments.view(request, "leads/list");
	}

	@GetMapping("/{leadgenId}")
	Object lead(@PathVariable String leadgenId, Authentication caller, Model model, HttpServletRequest request) {
		LeadDetail detail = LeadFilters.isLeadId(leadgenId) ? this.details.find(leadgenId).orElse(null) : null;
		if (detail == null) {
			ModelAndView missing = new ModelAndView("leads/not-found", model.asMap());
			missing.addObject("leadgenId", leadgenId);
			missing.setStatus(org.springframework.http.HttpStatus.NOT_FOUND);
			return missing;
		}
		boolean mayRead = PersonalData.visibleTo(caller);
		model.addAttribute("leadgenId", leadgenId);
		model.addAttribute("lead", detail.lead());
		model.addAttribute("status", detail.lead().status());
		model.addAttribute("statusWord", LeadWords.lead(detail.lead().status()));
		model.addAttribute("message", detail.lastMessage());
		model.addAttribute("enrichment", detail.enrichment());
		model.addAttribute("answers", answers(detail.answers(), mayRead));
		model.addAttribute("consents", detail.consents());
		model.addAttribute("mayRead", mayRead);
		model.addAttribute("deliveries",
				detail.deliveries()
					.stream()
					.map((sent) -> LeadPageViews.delivery(this.leadJson.delivery(sent, caller)))
					.toList());
		Map<String, String> destinationNames = this.destinations.names();
		model.addAttribute("timeline", this.leadJson.timeline(detail.timeline(), destinationNames));
		model.addAttribute("destinationNames", destinationNames);
		return Fragments.view(request, "leads/detail");
	}

	private static LeadPageViews.ListedLead listed(LeadRow row, boolean mayRead) {
		return new LeadPageViews.ListedLead(row, LeadWords.lead(row.status()),
				LeadPageViews.person(row.answersJson(), mayRead));
	}

	private static Map<String, String> answers(Map<String, List<String>> answers, boolean mayRead) {
		Map<String, String> shown = new LinkedHashMap<>();
		answers.forEach((field, values) -> shown.put(field, mayRead ? String.join(", ", values) : PersonalData.HIDDEN));
		return shown;
	}

	/** The filters as a query string, without paging; empty when nothing filters. */
	static String queryString(LeadFilters filters) {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
		add(builder, "q", filters.q());
		add(builder, "status", filters.status());
		add(builder, "platform", filters.platform());
		add(builder, "pageId", filters.pageId());
		add(builder, "formId", filters.formId());
		add(builder, "leadgenId", filters.leadgenId());
		add(builder, "from", filters.from());
		add(builder, "to", filters.to());
		String query = builder.encode().build().getQuery();
		return (query != null) ? query : "";
	}

	private static void add(UriComponentsBuilder builder, String name, String value) {
		if (LeadFilters.present(value)) {
			builder.queryParam(name, value.trim());
		}
	}

}
