package io.leadrelay.delivery.web;

import java.security.Principal;

import io.leadrelay.delivery.Deliveries;
import io.leadrelay.delivery.DeliveryFilter;
import io.leadrelay.delivery.DeliveryStatus;
import io.leadrelay.delivery.Replays;
import io.leadrelay.destination.Destinations;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deliveries page: every delivery, filtered as in the API, newest first, paged by
 * keyset; "replay all N matching" with a confirm step that says how many first; and the
 * dead-letter badge the navigation loads.
 */
@Controller
@RequestMapping("/deliveries")
class DeliveriesPageController {

	static final int PAGE_SIZE = 50;

	private final Deliveries deliveries;

	private final Replays replays;

	private final Destinations destinations;

	DeliveriesPageController(Deliveries deliveries, Replays replays, Destinations destinations) {
		this.deliveries = deliveries;
		this.replays = replays;
		this.destinations = destinations;
	}

	@ModelAttribute
	void navigation(Model model) {
		model.addAttribute("activeNav", "deliveries");
		model.addAttribute("statuses", DeliveryStatus.values());
		model.addAttribute("destinationNames", this.destinations.names());
	}

	@GetMapping
	String list(@ModelAttribute("query") DeliveryQuery query, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		DeliveryFilter filter = query.filter();
		// The URL htmx shows (and a shared link carries): only the filters that are set.
		String shown = query.queryString() + ((query.getBefore() != null)
				? (query.queryString().isEmpty() ? "" : "&") + "before=" + query.getBefore() : "");
		response.setHeader("HX-Push-Url", "/deliveries" + (shown.isEmpty() ? "" : "?" + shown));
		model.addAttribute("errors", query.errors());
		model.addAttribute("slice", this.deliveries.newest(filter, query.getBefore(), PAGE_SIZE));
		model.addAttribute("queryString", query.queryString());
		model.addAttribute("filtered", query.filtered());
		if (query.replayable() && query.errors().isEmpty()) {
			long matching = this.deliveries.count(filter, Deliveries.MAX_BULK);
			model.addAttribute("replayable", Math.min(matching, Deliveries.MAX_BULK));
			model.addAttribute("replayMore", matching > Deliveries.MAX_BULK);
			model.addAttribute("max", Deliveries.MAX_BULK);
		}
		return Fragments.view(request, "deliveries/list");
	}

	/** The confirm step of a bulk replay: how many it would replay, before it acts. */
	@GetMapping("/replay")
	String confirmReplay(@ModelAttribute("query") DeliveryQuery query, Model model, HttpServletRequest request) {
		DeliveryFilter filter = query.filter();
		if (!query.replayable() || !query.errors().isEmpty()) {
			return "redirect:/deliveries?" + query.queryString();
		}
		long matching = this.deliveries.count(filter, Deliveries.MAX_BULK);
		model.addAttribute("matching", Math.min(matching, Deliveries.MAX_BULK));
		model.addAttribute("replayMore", matching > Deliveries.MAX_BULK);
		model.addAttribute("max", Deliveries.MAX_BULK);
		model.addAttribute("queryString", query.queryString());
		return Fragments.view(request, "deliveries/replay");
	}

	@PostMapping("/replay")
	String replayAll(@ModelAttribute("query") DeliveryQuery query, @RequestParam(defaultValue = "remap") String how,
			Principal user, RedirectAttributes redirect) {
		DeliveryFilter filter = query.filter();
		if (!query.replayable() || !query.errors().isEmpty()) {
			redirect.addFlashAttribute("flashError", "Only dead letters or delivered deliveries can be replayed.");
			return "redirect:/deliveries?" + query.queryString();
		}
		Replays.BulkResult result = this.replays.replayAll(filter, "as-is".equals(how), user.getName());
		redirect.addFlashAttribute("flash", summary(result));
		redirect.addFlashAttribute("replayFailures", result.failed());
		return "redirect:/deliveries?" + query.queryString();
	}

	/** The dead-letter count for the navigation's badge; nothing when there are none. */
	@GetMapping("/badge")
	String badge(Model model) {
		model.addAttribute("deadLetters", this.deliveries.deadLetters());
		return "deliveries/badge :: badge";
	}

	private static String summary(Replays.BulkResult result) {
		StringBuilder summary = new StringBuilder("Replayed " + result.replayed() + " of " + result.matched()
				+ ((result.matched() == 1) ? " delivery." : " deliveries."));
		if (!result.failed().isEmpty()) {
			summary.append(" ").append(result.failed().size()).append(" could not be replayed: see below.");
		}
		if (result.more()) {
			summary.append(" More match: replay again for the next ").append(Deliveries.MAX_BULK).append('.');
		}
		return summary.toString();
	}

}
