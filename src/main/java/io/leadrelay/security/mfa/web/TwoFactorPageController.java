package io.leadrelay.security.mfa.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.leadrelay.security.LeadRelayUser;
import io.leadrelay.security.Role;
import io.leadrelay.security.SecurityProperties;
import io.leadrelay.security.SignInSteps;
import io.leadrelay.security.Step;
import io.leadrelay.security.mfa.TwoFactor;
import io.leadrelay.security.mfa.TwoFactor.Verdict;
import io.leadrelay.web.Fragments;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/two-factor}: turn two-factor sign-in on (scan the QR code, confirm with
 * a code, keep the recovery codes shown once) or off (with a code). The secret being set
 * up waits in the session until it is confirmed.
 */
@Controller
@RequestMapping("/account/two-factor")
class TwoFactorPageController {

	static final String PENDING_SECRET = TwoFactorPageController.class.getName() + ".secret";

	private static final String VIEW = "account/two-factor";

	private final TwoFactor twoFactor;

	private final SignInSteps steps;

	private final SecurityProperties properties;

	private final Clock clock;

	TwoFactorPageController(TwoFactor twoFactor, SignInSteps steps, SecurityProperties properties, Clock clock) {
		this.twoFactor = twoFactor;
		this.steps = steps;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping
	String show(@AuthenticationPrincipal LeadRelayUser user, Authentication authentication, HttpSession session,
			HttpServletRequest request, Model model) {
		return page(user, authentication, session, request, model);
	}

	@PostMapping
	String enable(@AuthenticationPrincipal LeadRelayUser user, Authentication authentication,
			@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		Optional<List<String>> codes = (secret != null)
				? this.twoFactor.enable(user.id(), user.username(), secret, code) : Optional.empty();
		if (codes.isEmpty()) {
			model.addAttribute("codeError", TwoFactorMessages.WRONG);
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(user, authentication, session, request, model);
		}
		session.removeAttribute(PENDING_SECRET);
		boolean enrolling = SignInSteps.pending(authentication).filter(Step.ENROL_TWO_FACTOR::equals).isPresent();
		String next = this.steps.advance(request, response, enrolling ? Step.ENROL_TWO_FACTOR : null);
		// Shown once: neither kept in the session nor cached by the browser.
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("codes", codes.get());
		model.addAttribute("next", enrolling ? next : "/account/two-factor");
		return Fragments.view(request, "account/two-factor-codes");
	}

	@PostMapping("/disable")
	String disable(@AuthenticationPrincipal LeadRelayUser user, Authentication authentication,
			@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (adminMustKeep(user)) {
			redirect.addFlashAttribute("flashError",
					"Admins must keep two-factor sign-in on (leadrelay.security.require-mfa-for-admins).");
			return "redirect:/account/two-factor";
		}
		Verdict verdict = this.twoFactor.disable(user.id(), user.username(), code, request.getRemoteAddr());
		if (!verdict.accepted()) {
			model.addAttribute("codeError", TwoFactorMessages.refused(verdict, this.clock));
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(user, authentication, session, request, model);
		}
		this.steps.advance(request, response, null);
		redirect.addFlashAttribute("flash", "Two-factor sign-in is off. Your recovery codes no longer work.");
		return "redirect:/account/two-factor";
	}

	private String page(LeadRelayUser user, Authentication authentication, HttpSession session,
			HttpServletRequest request, Model model) {
		TwoFactor.Status status = this.twoFactor.status(user.id());
		model.addAttribute("status", status);
		model.addAttribute("required", SignInSteps.pending(authentication).isPresent());
		model.addAttribute("adminMustKeep", adminMustKeep(user));
		model.addAttribute("activeNav", "account");
		if (!status.enabled()) {
			String secret = (String) session.getAttribute(PENDING_SECRET);
			TwoFactor.Enrolment enrolment = (secret != null) ? this.twoFactor.enrolment(user.username(), secret)
					: this.twoFactor.newEnrolment(user.username());
			session.setAttribute(PENDING_SECRET, enrolment.secret());
			model.addAttribute("enrolment", enrolment);
		}
		return Fragments.view(request, VIEW);
	}

	private boolean adminMustKeep(LeadRelayUser user) {
		return this.properties.requireMfaForAdmins() && user.role() == Role.ADMIN;
	}

}
