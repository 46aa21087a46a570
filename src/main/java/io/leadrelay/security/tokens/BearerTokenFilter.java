package io.leadrelay.security.tokens;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.security.LeadRelayUser;
import io.leadrelay.security.tokens.ApiTokens.Verdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API requests that carry {@code Authorization: Bearer lr_...} in as the token's
 * owner, with the role the owner has now. A token that does not work is answered 401, one
 * over its rate limit 429 with {@code Retry-After}, both as problem JSON; a request
 * without a bearer token goes on to HTTP Basic. Sits in the API filter chain only.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final UserDetailsService users;

	private final ObjectMapper mapper;

	private final int requestsPerMinute;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(ApiTokens tokens, UserDetailsService users, ObjectMapper mapper, int requestsPerMinute) {
		this.tokens = tokens;
		this.users = users;
		this.mapper = mapper;
		this.requestsPerMinute = requestsPerMinute;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Verdict verdict = this.tokens.authenticate(header.substring(BEARER.length()).strip());
		if (verdict instanceof Verdict.Refused refused) {
			refuse(response, refused.reason());
		}
		else if (verdict instanceof Verdict.Limited limited) {
			limit(response, limited.retryAfterSeconds());
		}
		else if (verdict instanceof Verdict.Accepted accepted) {
			LeadRelayUser owner = owner(accepted.owner());
			if (owner == null || !owner.isEnabled()) {
				refuse(response, "The owner of this API token is disabled");
				return;
			}
			SecurityContext context = this.contexts.createEmptyContext();
			context.setAuthentication(new TokenAuthentication(owner, accepted.tokenId()));
			this.contexts.setContext(context);
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.contexts.clearContext();
			}
		}
	}

	private LeadRelayUser owner(String username) {
		try {
			return (LeadRelayUser) this.users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	private void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		write(response, HttpStatus.UNAUTHORIZED, detail);
	}

	private void limit(HttpServletResponse response, long retryAfterSeconds) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		write(response, HttpStatus.TOO_MANY_REQUESTS,
				"This API token made its " + this.requestsPerMinute + " requests a minute"
						+ " (leadrelay.security.tokens.requests-per-minute): retry in " + retryAfterSeconds + " s");
	}

	private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.mapper.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
	}

}
