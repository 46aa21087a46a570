package io.leadrelay.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a refused request to a management endpoint with problem JSON that says how the
 * endpoint is opened, without saying anything about the token.
 */
class ManagementProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String CLOSED = "The management endpoints other than health are closed: set "
			+ "leadrelay.security.management-token, or a separate management.server.port";

	static final String NEEDS_TOKEN = "Send Authorization: Bearer with leadrelay.security.management-token";

	private final ObjectMapper mapper;

	private final boolean tokenConfigured;

	ManagementProblems(ObjectMapper mapper, boolean tokenConfigured) {
		this.mapper = mapper;
		this.tokenConfigured = tokenConfigured;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		refuse(response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		refuse(response);
	}

	private void refuse(HttpServletResponse response) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				this.tokenConfigured ? NEEDS_TOKEN : CLOSED);
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", "Bearer realm=\"LeadRelay management\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

}
