package io.leadrelay.pipeline.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.leadrelay.pipeline.ReprocessFilter;
import io.leadrelay.pipeline.ReprocessRefusedException;
import io.leadrelay.pipeline.Reprocessing;
import io.leadrelay.pipeline.UnknownLeadException;
import io.leadrelay.web.Fragments;
import io.leadrelay.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reprocess pages: a confirm page saying how many leads the filters match before
 * anything happens, the result of a bulk reprocess, and the button on a lead's page.
 */
@Controller
@RequestMapping("/leads")
class ReprocessPageController {

	private final Reprocessing reprocessing;

	ReprocessPageController(Reprocessing reprocessing) {
		this.reprocessing = reprocessing;
	}

	@ModelAttribute
	void navigation(Model model) {
		model.addAttribute("activeNav", "leads");
	}

	@GetMapping("/reprocess")
	String confirm(@ModelAttribute("filters") FilterForm form, Model model, HttpServletRequest request) {
		try {
			ReprocessFilter filter = form.parse();
			model.addAttribute("count", this.reprocessing.count(filter));
			model.addAttribute("description", describe(filter));
			model.addAttribute("maxBulk", Reprocessing.MAX_BULK);
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("fieldErrors",
					Map.of(ex.field(), ReprocessFilters.forPage(ex.field(), ex.getMessage())));
		}
		catch (ReprocessRefusedException ex) {
			String field = (ex.field() != null) ? ex.field() : "status";
			model.addAttribute("fieldErrors", Map.of(field, ReprocessFilters.forPage(field, ex.getMessage())));
		}
		return Fragments.view(request, "reprocess/confirm");
	}

	@PostMapping("/reprocess")
	String reprocessAll(@ModelAttribute("filters") FilterForm form, @RequestParam(required = false) String after,
			Principal user, RedirectAttributes redirect) {
		ReprocessFilter filter;
		try {
			filter = form.parse();
			after = LeadFilters.leadgenId("after", after);
		}
		catch (InvalidRequestException | ReprocessRefusedException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:/leads/reprocess" + form.query();
		}
		Reprocessing.BulkOutcome outcome = this.reprocessing.reprocessAll(filter, after, user.getName());
		redirect.addFlashAttribute("result", outcome);
		redirect.addFlashAttribute("summary", ReprocessMessages.bulk(outcome));
		redirect.addFlashAttribute("description", describe(filter));
		return "redirect:/leads/reprocess/done" + form.query();
	}

	@GetMapping("/reprocess/done")
	String done(@ModelAttribute("filters") FilterForm form, Model model, HttpServletRequest request) {
		if (!model.containsAttribute("result")) {
			// Opened again later: the result was shown once; offer the filters again.
			return "redirect:/leads/reprocess" + form.query();
		}
		model.addAttribute("leadsQuery", form.query());
		return Fragments.view(request, "reprocess/done");
	}

	@PostMapping("/{leadgenId}/reprocess")
	String reprocess(@PathVariable String leadgenId, Principal user, RedirectAttributes redirect) {
		try {
			String id = LeadFilters.leadgenId("leadgenId", leadgenId);
			redirect.addFlashAttribute("flash",
					ReprocessMessages.single(this.reprocessing.reprocess(id, user.getName())));
		}
		catch (InvalidRequestException | ReprocessRefusedException | UnknownLeadException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/leads/{id}").buildAndExpand(leadgenId).encode();
	}

	private String describe(ReprocessFilter filter) {
		String formName = (filter.formId() != null) ? this.reprocessing.formName(filter.formId()).orElse(null) : null;
		return ReprocessFilters.describe(filter, formName);
	}

	/** The filters as the pages carry them in their address. */
	public static class FilterForm {

		private String status;

		private String pageId;

		private String formId;

		private String from;

		private String to;

		private String leadgenId;

		ReprocessFilter parse() {
			return ReprocessFilters.parse(this.status, this.pageId, this.formId, this.from, this.to, this.leadgenId);
		}

		/** The filters as a query string ("?status=filtered&formId=1"), or "". */
		String query() {
			Map<String, String> values = new LinkedHashMap<>();
			values.put("status", this.status);
			values.put("pageId", this.pageId);
			values.put("formId", this.formId);
			values.put("from", this.from);
			values.put("to", this.to);
			values.put("leadgenId", this.leadgenId);
			UriComponentsBuilder query = UriComponentsBuilder.newInstance();
			values.forEach((name, value) -> {
				if (value != null && !value.isBlank()) {
					query.queryParam(name, value);
				}
			});
			String built = query.encode().build().toUriString();
			return built.isEmpty() ? "" : built;
		}

		public boolean empty() {
			return Stream.of(this.status, this.pageId, this.formId, this.from, this.to, this.leadgenId)
				.allMatch((value) -> value == null || value.isBlank());
		}

		public String getStatus() {
			return this.status;
		}

		public void setStatus(String status) {
			this.status = status;
		}

		public String getPageId() {
			return this.pageId;
		}

		public void setPageId(String pageId) {
			this.pageId = pageId;
		}

		public String getFormId() {
			return this.formId;
		}

		public void setFormId(String formId) {
			this.formId = formId;
		}

		public String getFrom() {
			return this.from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public String getTo() {
			return this.to;
		}

		public void setTo(String to) {
			this.to = to;
		}

		public String getLeadgenId() {
			return this.leadgenId;
		}

		public void setLeadgenId(String leadgenId) {
			this.leadgenId = leadgenId;
		}

	}

}
