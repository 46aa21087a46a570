package io.leadrelay.security.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page at {@code /login}; the form posts to Spring Security's filter. */
@Controller
class SignInPageController {

	@GetMapping("/login")
	String signIn(Authentication authentication, HttpSession session, Model model) {
		if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()) {
			return "redirect:/";
		}
		Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (failure != null) {
			session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("signInError", (failure instanceof LockedException locked) ? locked.getMessage()
					: "The user name or password is wrong.");
		}
		return "login";
	}

}
