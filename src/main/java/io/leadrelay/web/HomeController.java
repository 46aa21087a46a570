package io.leadrelay.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: where a signed-in user starts. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication, Model model, HttpServletRequest request) {
		model.addAttribute("activeNav", "dashboard");
		model.addAttribute("role",
				authentication.getAuthorities()
					.stream()
					.map((authority) -> authority.getAuthority().replaceFirst("^ROLE_", ""))
					.findFirst()
					.orElse(""));
		return Fragments.view(request, "home");
	}

}
