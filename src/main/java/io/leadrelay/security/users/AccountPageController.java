package io.leadrelay.security.users;

import io.leadrelay.security.LeadRelayUser;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /account}: who you are signed in as, what your role lets you do, and where to
 * change your password, two-factor sign-in and API tokens.
 */
@Controller
class AccountPageController {

	private final Users users;

	AccountPageController(Users users) {
		this.users = users;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal LeadRelayUser user, Model model, HttpServletRequest request) {
		model.addAttribute("activeNav", "account");
		model.addAttribute("account", this.users.get(user.id()));
		model.addAttribute("roleDescriptions", RoleDescriptions.ALL);
		return Fragments.view(request, "account");
	}

}
