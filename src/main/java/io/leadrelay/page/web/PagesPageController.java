package io.leadrelay.page.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.leadrelay.graph.ManagedPage;
import io.leadrelay.page.PageNotFoundException;
import io.leadrelay.page.PageTokenChecks;
import io.leadrelay.page.Pages;
import io.leadrelay.page.connect.FacebookLogin;
import io.leadrelay.page.connect.PageConnections;
import io.leadrelay.web.DisplayNames;
import io.leadrelay.web.Fragments;
import io.leadrelay.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages page: the connected Facebook pages with their token's state, a page added by
 * hand with a pasted token, a token check, and disconnecting a page.
 */
@Controller
class PagesPageController {

	private final Pages pages;

	private final PageTokenChecks tokenChecks;

	private final PageConnections connections;

	private final FacebookLogin login;

	private final WaitingLeads waiting;

	private final ConnectOutcomes outcomes;

	private final Clock clock;

	PagesPageController(Pages pages, PageTokenChecks tokenChecks, PageConnections connections, FacebookLogin login,
			WaitingLeads waiting, ConnectOutcomes outcomes, Clock clock) {
		this.pages = pages;
		this.tokenChecks = tokenChecks;
		this.connections = connections;
		this.login = login;
		this.waiting = waiting;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@GetMapping("/pages")
	String list(Model model, HttpServletRequest request) {
		List<PageRow> rows = this.pages.list().stream().map((page) -> PageRow.of(page, this.clock.instant())).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("missingKeys", this.login.missingKeys());
		model.addAttribute("sinceDefault", LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(7));
		model.addAttribute("activeNav", "pages");
		return Fragments.view(request, "pages/list");
	}

	@GetMapping("/pages/new")
	String newPage(@RequestParam(required = false) String pageId, Model model, HttpServletRequest request) {
		model.addAttribute("pageId", pageId);
		model.addAttribute("name", (pageId != null) ? nameOf(pageId) : null);
		model.addAttribute("errors", Map.of());
		model.addAttribute("activeNav", "pages");
		return Fragments.view(request, "pages/new");
	}

	@PostMapping("/pages/new")
	String addPage(@RequestParam(defaultValue = "") String pageId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String accessToken, Principal user, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		ManagedPage page;
		try {
			page = new ManagedPage(PagesController.pageId(pageId.strip()), DisplayNames.check(name, true),
					PagesController.token(accessToken.strip(), true), List.of());
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("pageId", pageId);
			model.addAttribute("name", name);
			model.addAttribute("errors", Map.of(ex.field(), inWords(ex.getMessage())));
			model.addAttribute("activeNav", "pages");
			return Fragments.view(request, "pages/new");
		}
		this.outcomes.flash(this.connections.connect(List.of(page), user.getName()), redirect);
		return "redirect:/pages";
	}

	@PostMapping("/pages/{pageId}/check")
	String check(@PathVariable String pageId, RedirectAttributes redirect) {
		PageRow row = PageRow.of(this.tokenChecks.check(pageId), this.clock.instant());
		String said = (row.page().tokenMessage() != null) ? " Meta said: " + row.page().tokenMessage() : "";
		redirect.addFlashAttribute(row.needsReconnect() ? "flashError" : "flash",
				"Token of " + row.page().name() + ": " + row.status() + "." + said);
		return "redirect:/pages";
	}

	@GetMapping("/pages/{pageId}/disconnect")
	String confirmDisconnect(@PathVariable String pageId, Model model, HttpServletRequest request) {
		model.addAttribute("page", this.pages.get(pageId));
		model.addAttribute("unread", this.waiting.unread(pageId));
		model.addAttribute("unsent", this.waiting.unsent(pageId));
		model.addAttribute("activeNav", "pages");
		return Fragments.view(request, "pages/disconnect");
	}

	@PostMapping("/pages/{pageId}/disconnect")
	String disconnect(@PathVariable String pageId, Principal user, RedirectAttributes redirect) {
		PageConnections.Disconnected done = this.connections.disconnect(pageId, user.getName());
		redirect.addFlashAttribute("flash", done.page().name() + " is disconnected: LeadRelay forgot its token and "
				+ "forms, and no longer fetches its leads.");
		if (done.uninstallRefusal() != null) {
			redirect.addFlashAttribute("flashError",
					"Meta refused to stop sending this page's leads to LeadRelay (they will be refused): "
							+ done.uninstallRefusal() + ". Remove the app in the page's settings on Facebook.");
		}
		return "redirect:/pages";
	}

	@ExceptionHandler(PageNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** The API's rule, with the field named as the form labels it. */
	private static String inWords(String rule) {
		return rule.replaceFirst("^pageId ", "The page id ")
			.replaceFirst("^name ", "The name ")
			.replaceFirst("^accessToken must be a page access token", "The token must be a page access token");
	}

	private String nameOf(String pageId) {
		try {
			return this.pages.get(pageId).name();
		}
		catch (PageNotFoundException ex) {
			return null;
		}
	}

}
