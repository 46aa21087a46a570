package io.leadrelay.security;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a signed-in user again at every page request, so that what an admin changes
 * applies at once, on every engine: a disabled or deleted user is signed out, a new role
 * is what the next page checks, and a reset password must be changed before anything
 * else. A password changed elsewhere (another browser, a stolen session) signs this
 * session out; the session that changed it has read the user again, and stays. (The API
 * reads its user at every request anyway.)
 */
class SignedInUserRefresh extends OncePerRequestFilter {

	private final StoredUsers users;

	private final SignInSteps steps;

	SignedInUserRefresh(StoredUsers users, SignInSteps steps) {
		this.users = users;
		this.steps = steps;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof LeadRelayUser signedIn) {
			Optional<LeadRelayUser> stored = this.users.find(signedIn.username()).filter(LeadRelayUser::isEnabled);
			if (stored.isEmpty() || stored.get().id() != signedIn.id()
					|| !Objects.equals(stored.get().passwordChangedAt(), signedIn.passwordChangedAt())) {
				signOut(request);
			}
			else if (changed(signedIn, stored.get())) {
				this.steps.advance(request, response, null);
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean changed(LeadRelayUser signedIn, LeadRelayUser stored) {
		return signedIn.role() != stored.role() || signedIn.mustChangePassword() != stored.mustChangePassword()
				|| signedIn.twoFactorEnabled() != stored.twoFactorEnabled();
	}

	private static void signOut(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}
