package io.leadrelay.page.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.leadrelay.graph.GraphResult;
import io.leadrelay.graph.ManagedPage;
import io.leadrelay.page.Pages;
import io.leadrelay.page.connect.FacebookLogin;
import io.leadrelay.page.connect.OAuthStates;
import io.leadrelay.page.connect.PageConnections;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Connecting pages with Facebook Login: the dialog, its answer, and choosing which of the
 * person's pages to connect. The page tokens Meta gives stay in the session (on the
 * server) until the person chooses; they never reach the browser.
 */
@Controller
@RequestMapping("/pages/connect")
class ConnectPageController {

	/** The session attribute holding the pages the person may connect, with tokens. */
	static final String MANAGED_PAGES = ConnectPageController.class.getName() + ".pages";

	private final FacebookLogin login;

	private final PageConnections connections;

	private final Pages pages;

	private final ConnectOutcomes outcomes;

	ConnectPageController(FacebookLogin login, PageConnections connections, Pages pages, ConnectOutcomes outcomes) {
		this.login = login;
		this.connections = connections;
		this.pages = pages;
		this.outcomes = outcomes;
	}

	@GetMapping
	String connect(HttpSession session, RedirectAttributes redirect) {
		if (!this.login.configured()) {
			redirect.addFlashAttribute("flashError", "Facebook Login is not set up: set "
					+ String.join(" and ", this.login.missingKeys()) + ", or paste a page token by hand.");
			return "redirect:/pages";
		}
		return "redirect:" + this.login.dialog(redirectUri(), session.getId());
	}

	@GetMapping("/callback")
	String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error, HttpSession session, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		OAuthStates.Verdict verdict = this.login.accept(state, session.getId());
		if (error != null) {
			return problem("You cancelled the sign-in with Facebook",
					"Facebook says the sign-in was cancelled or permissions were declined, so no page was connected. "
							+ "Connect again and allow every permission LeadRelay asks for.",
					model, request);
		}
		if (verdict != OAuthStates.Verdict.ACCEPTED || code == null || code.isBlank()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			String reason = (verdict != OAuthStates.Verdict.ACCEPTED) ? verdict.reason()
					: "Facebook's answer held no code";
			return problem("This answer from Facebook was refused",
					reason + ", so no page was connected. Start again from the pages page.", model, request);
		}
		GraphResult<List<ManagedPage>> found = this.login.pages(code, redirectUri());
		if (!(found instanceof GraphResult.Success<List<ManagedPage>> success)) {
			response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
			return problem("Meta did not list your pages",
					"No page was connected. Meta said: " + PageConnections.refusal(found), model, request);
		}
		session.setAttribute(MANAGED_PAGES, success.value());
		return "redirect:/pages/connect/choose";
	}

	@GetMapping("/choose")
	String choose(HttpSession session, Model model, RedirectAttributes redirect, HttpServletRequest request) {
		List<ManagedPage> managed = managed(session);
		if (managed == null) {
			redirect.addFlashAttribute("flashError",
					"Connect with Facebook first: LeadRelay has no list of your pages.");
			return "redirect:/pages";
		}
		Set<String> known = this.pages.list().stream().map((page) -> page.pageId()).collect(Collectors.toSet());
		model.addAttribute("choices",
				managed.stream()
					.map((page) -> new Choice(page.pageId(), page.name(), page.tasks(), known.contains(page.pageId()),
							page.accessToken() != null))
					.toList());
		model.addAttribute("activeNav", "pages");
		return Fragments.view(request, "pages/choose");
	}

	@PostMapping("/choose")
	String chosen(@RequestParam(name = "pageId", required = false) List<String> pageIds, HttpSession session,
			Principal user, RedirectAttributes redirect) {
		List<ManagedPage> managed = managed(session);
		if (managed == null) {
			redirect.addFlashAttribute("flashError",
					"Connect with Facebook first: LeadRelay has no list of your pages.");
			return "redirect:/pages";
		}
		List<ManagedPage> chosen = managed.stream()
			.filter((page) -> pageIds != null && pageIds.contains(page.pageId()) && page.accessToken() != null)
			.toList();
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("flashError", "Choose at least one page to connect.");
			return "redirect:/pages/connect/choose";
		}
		session.removeAttribute(MANAGED_PAGES);
		this.outcomes.flash(this.connections.connect(chosen, user.getName()), redirect);
		return "redirect:/pages";
	}

	@SuppressWarnings("unchecked")
	private static List<ManagedPage> managed(HttpSession session) {
		return (List<ManagedPage>) session.getAttribute(MANAGED_PAGES);
	}

	private static String problem(String title, String message, Model model, HttpServletRequest request) {
		model.addAttribute("problemTitle", title);
		model.addAttribute("message", message);
		model.addAttribute("activeNav", "pages");
		return Fragments.view(request, "pages/connect-problem");
	}

	private static String redirectUri() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/pages/connect/callback").toUriString();
	}

	/**
	 * A page the person may connect, without its token.
	 *
	 * @param pageId the page
	 * @param name its name
	 * @param tasks what the person may do on it
	 * @param connected whether it is connected already
	 * @param tokenGiven whether Meta gave a page token (it does not without a role on the
	 * page)
	 */
	record Choice(String pageId, String name, List<String> tasks, boolean connected, boolean tokenGiven) {

	}

}
