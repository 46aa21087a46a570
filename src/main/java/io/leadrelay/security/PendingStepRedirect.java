package io.leadrelay.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A session still owing a sign-in step is sent to that step's page; anyone else refused a
 * page gets the 403 error page, which says their role does not allow it.
 */
class PendingStepRedirect implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		Optional<Step> pending = SignInSteps.pending(SecurityContextHolder.getContext().getAuthentication());
		if (pending.isPresent()) {
			String page = request.getContextPath() + pending.get().page();
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", page);
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			}
			else {
				response.sendRedirect(page);
			}
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
