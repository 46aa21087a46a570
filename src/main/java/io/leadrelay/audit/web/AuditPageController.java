package io.leadrelay.audit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.leadrelay.audit.AuditChain;
import io.leadrelay.audit.AuditFilter;
import io.leadrelay.audit.AuditRecord;
import io.leadrelay.audit.AuditSlice;
import io.leadrelay.audit.AuditTrail;
import io.leadrelay.web.Fragments;
import io.leadrelay.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The audit log page, for admins: who did what to which object, filtered in the URL,
 * newest first, older pages by a cursor; and the check that the trail is as it was
 * written.
 */
@Controller
@RequestMapping("/audit")
class AuditPageController {

	static final int PAGE_SIZE = 50;

	static final List<String> SUBJECT_TYPES = List.of("lead", "user", "page", "destination", "mapping", "api_token",
			"address");

	private final AuditTrail trail;

	private final AuditChain chain;

	AuditPageController(AuditTrail trail, AuditChain chain) {
		this.trail = trail;
		this.chain = chain;
	}

	@ModelAttribute
	void navigation(Model model) {
		model.addAttribute("activeNav", "audit");
		model.addAttribute("actions", ActionWords.KNOWN.keySet().stream().sorted().toList());
		model.addAttribute("actionWords", ActionWords.KNOWN);
		model.addAttribute("subjectTypes", SUBJECT_TYPES);
	}

	@GetMapping
	String list(@ModelAttribute("query") AuditQuery query, Model model, HttpServletRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		AuditFilter filter = AuditFilter.ALL;
		Long before = null;
		try {
			filter = query.filter();
			before = query.beforeId();
		}
		catch (InvalidRequestException ex) {
			errors.put(ex.field(), ex.getMessage());
		}
		AuditSlice slice = errors.isEmpty() ? this.trail.find(filter, before, PAGE_SIZE)
				: new AuditSlice(List.of(), null);
		model.addAttribute("errors", errors);
		model.addAttribute("rows", slice.items().stream().map(AuditRow::of).toList());
		model.addAttribute("filtered", !filter.equals(AuditFilter.ALL) || !errors.isEmpty());
		model.addAttribute("olderPage",
				(slice.nextBefore() != null) ? ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("before", slice.nextBefore())
					.build()
					.toUriString() : null);
		model.addAttribute("firstPage", (before != null)
				? ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("before").build().toUriString()
				: null);
		return Fragments.view(request, "audit/list");
	}

	@PostMapping("/verify")
	String verify(Model model, HttpServletRequest request, RedirectAttributes redirect) {
		if ("true".equals(request.getHeader("HX-Request"))) {
			model.addAttribute("verdict", this.chain.verify());
			return "audit/verdict :: verdict";
		}
		redirect.addFlashAttribute("verdict", this.chain.verify());
		return "redirect:/audit";
	}

	/**
	 * One entry as the page shows it: the action in words, and where its object's page
	 * is.
	 */
	record AuditRow(AuditRecord entry, String words, String link, String details) {

		static AuditRow of(AuditRecord entry) {
			return new AuditRow(entry, ActionWords.of(entry.action()), link(entry),
					entry.details()
						.entrySet()
						.stream()
						.map((detail) -> detail.getKey() + ": " + detail.getValue())
						.collect(Collectors.joining(", ")));
		}

		private static String link(AuditRecord entry) {
			return switch (entry.subjectType()) {
				case "lead" -> "/leads/" + entry.subjectId();
				case "user" -> "/users";
				default -> null;
			};
		}

	}

}
