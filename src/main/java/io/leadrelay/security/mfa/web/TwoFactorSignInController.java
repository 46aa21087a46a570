package io.leadrelay.security.mfa.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.leadrelay.security.LeadRelayUser;
import io.leadrelay.security.SignInSteps;
import io.leadrelay.security.Step;
import io.leadrelay.security.mfa.TwoFactor;
import io.leadrelay.security.mfa.TwoFactor.Outcome;
import io.leadrelay.security.mfa.TwoFactor.Verdict;
import io.leadrelay.web.Fragments;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second sign-in step, {@code /login/two-factor}: after the password, a code from the
 * user's app or a recovery code.
 */
@Controller
@RequestMapping("/login/two-factor")
class TwoFactorSignInController {

	private static final String VIEW = "login/two-factor";

	private final TwoFactor twoFactor;

	private final SignInSteps steps;

	private final Clock clock;

	TwoFactorSignInController(TwoFactor twoFactor, SignInSteps steps, Clock clock) {
		this.twoFactor = twoFactor;
		this.steps = steps;
		this.clock = clock;
	}

	@GetMapping
	String form(HttpServletRequest request) {
		return Fragments.view(request, VIEW);
	}

	@PostMapping
	String verify(@AuthenticationPrincipal LeadRelayUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Verdict verdict = this.twoFactor.verify(user.id(), user.username(), code, request.getRemoteAddr());
		if (!verdict.accepted()) {
			model.addAttribute("codeError", TwoFactorMessages.refused(verdict, this.clock));
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return Fragments.view(request, VIEW);
		}
		if (verdict.outcome() == Outcome.RECOVERY_CODE_ACCEPTED) {
			int left = this.twoFactor.status(user.id()).unusedRecoveryCodes();
			redirect.addFlashAttribute("flash", "Signed in with a recovery code; " + left
					+ " left. Turn two-factor sign-in off and on again in your account to get new ones.");
		}
		return "redirect:" + this.steps.advance(request, response, Step.TWO_FACTOR);
	}

}
