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
 * Answers requests that are not signed in, or not allowed, with RFC 7807 problem JSON
 * like every other API error.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ObjectMapper mapper;

	ProblemResponses(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"LeadRelay\"");
		String detail = (exception instanceof BasicAuthenticationChecks.SignInRefusedException) ? exception.getMessage()
				: "Sign in with an API token (Authorization: Bearer) or HTTP Basic as a LeadRelay user: "
						+ "the credentials are missing or wrong";
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this request");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

}
