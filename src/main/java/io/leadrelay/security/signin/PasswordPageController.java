package io.leadrelay.security.signin;

import io.leadrelay.security.LeadRelayUser;
import io.leadrelay.security.SignInSteps;
import io.leadrelay.security.Step;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/password}: where a user replaces a generated password before anything
 * else (the sign-in step {@link Step#CHANGE_PASSWORD}), and where anyone changes theirs.
 */
@Controller
@RequestMapping("/account/password")
class PasswordPageController {

	static final String VIEW = "account/password";

	private final PasswordChanges passwords;

	private final SignInThrottle throttle;

	private final SignInSteps steps;

	PasswordPageController(PasswordChanges passwords, SignInThrottle throttle, SignInSteps steps) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.steps = steps;
	}

	@GetMapping
	String show(Authentication authentication, HttpServletRequest request, Model model) {
		model.addAttribute("form", new PasswordForm());
		return page(authentication, request, model);
	}

	@PostMapping
	String change(@ModelAttribute("form") PasswordForm form, BindingResult errors, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
		String username = authentication.getName();
		boolean forced = forced(authentication);
		if (!forced) {
			checkCurrent(username, form.getCurrent(), request.getRemoteAddr(), errors);
		}
		this.passwords.refusal(username, form.getPassword())
			.ifPresent((reason) -> errors.rejectValue("password", "weak", "The password " + reason + "."));
		if (!errors.hasFieldErrors("password") && this.passwords.isCurrent(username, form.getPassword())) {
			errors.rejectValue("password", "unchanged", "The new password must differ from the one you have.");
		}
		if (form.getPassword() != null && !form.getPassword().equals(form.getConfirmation())) {
			errors.rejectValue("confirmation", "differs", "The two new passwords differ.");
		}
		if (errors.hasErrors()) {
			return page(authentication, request, model);
		}
		this.passwords.change(username, form.getPassword(), forced);
		String next = this.steps.advance(request, response, forced ? Step.CHANGE_PASSWORD : null);
		flash.addFlashAttribute("flash", "Your password is changed.");
		return "redirect:" + (forced ? next : "/account/password");
	}

	private void checkCurrent(String username, String current, String address, BindingResult errors) {
		var lockout = this.throttle.lockout(username, address);
		if (lockout.isPresent()) {
			errors.rejectValue("current", "locked",
					"Too many wrong passwords. Try again in " + lockout.get().inWords() + ".");
			return;
		}
		if (!this.passwords.isCurrent(username, current)) {
			this.throttle.failed(username, address, "current password");
			errors.rejectValue("current", "wrong", "This is not your current password.");
		}
	}

	private String page(Authentication authentication, HttpServletRequest request, Model model) {
		model.addAttribute("username", authentication.getName());
		model.addAttribute("forced", forced(authentication));
		model.addAttribute("activeNav", "account");
		return Fragments.view(request, VIEW);
	}

	private static boolean forced(Authentication authentication) {
		return SignInSteps.pending(authentication).filter(Step.CHANGE_PASSWORD::equals).isPresent()
				|| (authentication.getPrincipal() instanceof LeadRelayUser user && user.mustChangePassword());
	}

}
