package io.leadrelay.backfill.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.leadrelay.backfill.Backfill;
import io.leadrelay.backfill.BackfillResult;
import io.leadrelay.page.Pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Fetch missed leads" on the pages page: reads the page's forms' leads since a day and
 * stores those the webhook never brought. Here and not beside the pages page's controller
 * because reconciliation uses pages, not the other way round.
 */
@Controller
class BackfillPageController {

	private final Backfill backfill;

	private final Pages pages;

	private final Clock clock;

	BackfillPageController(Backfill backfill, Pages pages, Clock clock) {
		this.backfill = backfill;
		this.pages = pages;
		this.clock = clock;
	}

	@PostMapping("/pages/{pageId}/fetch-missed")
	String fetchMissed(@PathVariable String pageId, @RequestParam(defaultValue = "") String since, Principal user,
			RedirectAttributes redirect) {
		String name = this.pages.get(pageId).name();
		LocalDate day;
		try {
			day = LocalDate.parse(since);
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("flashError",
					"Fetch missed leads of " + name + ": since must be a day such as 2026-11-20.");
			return "redirect:/pages";
		}
		if (day.isAfter(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)))) {
			redirect.addFlashAttribute("flashError",
					"Fetch missed leads of " + name + ": since must not be in the future.");
			return "redirect:/pages";
		}
		BackfillResult result = this.backfill.run(pageId, day.atStartOfDay(ZoneOffset.UTC).toInstant(), user.getName());
		redirect.addFlashAttribute("flash",
				"Missed leads of " + name + " since " + day + ": " + result.leadsFound() + " lead(s) found on "
						+ result.formsChecked() + " form(s), " + result.leadsAdded()
						+ " of them new to LeadRelay and on their way.");
		if (!result.problems().isEmpty()) {
			redirect.addFlashAttribute("flashError",
					"Some leads could not be read: " + String.join("; ", result.problems()));
		}
		return "redirect:/pages";
	}

}
