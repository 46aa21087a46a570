package io.leadrelay.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a visitor who is not signed in to the sign-in page. An htmx request (a widget
 * refreshing after the session expired) is told to load the sign-in page as a whole page,
 * rather than having it swapped into a corner of the current one.
 */
class PageEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint signInPage;

	PageEntryPoint(AuthenticationEntryPoint signInPage) {
		this.signInPage = signInPage;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", request.getContextPath() + "/login");
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		this.signInPage.commence(request, response, exception);
	}

}
