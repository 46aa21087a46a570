package io.leadrelay.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request to a management endpoint that carries
 * {@code Authorization: Bearer <leadrelay.security.management-token>}, with the single
 * authority {@value #AUTHORITY}. The token is compared in constant time (as digests, so
 * its length does not show either). Any other request passes through unauthenticated.
 */
class ManagementTokenFilter extends OncePerRequestFilter {

	static final String AUTHORITY = "MANAGEMENT";

	private static final String BEARER = "Bearer ";

	private final byte[] tokenDigest;

	/**
	 * @param token the management token, or {@code null} when none is configured
	 */
	ManagementTokenFilter(String token) {
		this.tokenDigest = (token != null) ? digest(token) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesTheToken(request)) {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("management", null,
					AuthorityUtils.createAuthorityList(AUTHORITY)));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	private boolean carriesTheToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (this.tokenDigest == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		return MessageDigest.isEqual(this.tokenDigest, digest(header.substring(BEARER.length()).trim()));
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
