package io.leadrelay.security.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import io.leadrelay.security.LeadRelayUser;
import io.leadrelay.security.SecurityProperties;
import io.leadrelay.web.Fragments;
import io.leadrelay.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The page {@code /account/tokens}: a user's API tokens, a form to create one (its secret
 * shown once, right after) and a button to revoke each.
 */
@Controller
class TokenPageController {

	private static final String VIEW = "account/tokens";

	private final ApiTokens tokens;

	private final SecurityProperties.Tokens settings;

	private final Clock clock;

	TokenPageController(ApiTokens tokens, SecurityProperties properties, Clock clock) {
		this.tokens = tokens;
		this.settings = properties.tokens();
		this.clock = clock;
	}

	@GetMapping("/account/tokens")
	String list(@AuthenticationPrincipal LeadRelayUser user, Model model, HttpServletRequest request) {
		model.addAttribute("name", "");
		model.addAttribute("days", this.settings.defaultLifetime().toDays());
		return page(user, model, request);
	}

	@PostMapping("/account/tokens")
	String create(@AuthenticationPrincipal LeadRelayUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) Long days, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		long lifetime = (days != null) ? days : this.settings.defaultLifetime().toDays();
		try {
			ApiTokens.CreatedToken created = this.tokens.create(user.id(), user.username(), name,
					Duration.ofDays(lifetime));
			redirect.addFlashAttribute("newTokenName", created.token().name());
			redirect.addFlashAttribute("newTokenSecret", created.secret());
			return "redirect:/account/tokens";
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("name", name);
			model.addAttribute("days", lifetime);
			model.addAttribute("error_" + ex.field(), ex.getMessage());
			return page(user, model, request);
		}
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal LeadRelayUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (this.tokens.revoke(user.id(), user.username(), id)) {
			redirect.addFlashAttribute("flash", "Revoked. Requests with that token are refused from now on.");
		}
		else {
			redirect.addFlashAttribute("flashError", "That token is not one of your active tokens.");
		}
		return "redirect:/account/tokens";
	}

	private String page(LeadRelayUser user, Model model, HttpServletRequest request) {
		Instant now = this.clock.instant();
		model.addAttribute("activeNav", "account");
		model.addAttribute("role", user.role().name());
		model.addAttribute("tokens",
				this.tokens.ownedBy(user.id()).stream().map((token) -> TokenRow.of(token, now)).toList());
		model.addAttribute("lifetimes", lifetimes());
		model.addAttribute("requestsPerMinute", this.settings.requestsPerMinute());
		model.addAttribute("leadsUrl",
				ServletUriComponentsBuilder.fromContextPath(request).path("/api/v1/leads").toUriString());
		return Fragments.view(request, VIEW);
	}

	/** A week, a month, the default and the longest allowed, in days. */
	private List<Long> lifetimes() {
		long max = this.settings.maxLifetime().toDays();
		TreeSet<Long> days = new TreeSet<>(List.of(7L, 30L, this.settings.defaultLifetime().toDays(), max));
		return days.headSet(max, true).stream().filter((day) -> day > 0).toList();
	}

}
