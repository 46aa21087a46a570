package io.leadrelay.security;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Applies the {@link AccessPolicy} to a filter chain. */
final class AccessRules {

	private AccessRules() {
	}

	static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
		for (AccessPolicy.Rule rule : AccessPolicy.rules()) {
			requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern()))
				.access(managerFor(rule));
		}
		requests.anyRequest().denyAll();
	}

	private static AuthorizationManager<RequestAuthorizationContext> managerFor(AccessPolicy.Rule rule) {
		if (rule.anyone()) {
			return (authentication, context) -> new AuthorizationDecision(true);
		}
		if (rule.authorities().isEmpty()) {
			return AuthenticatedAuthorizationManager.authenticated();
		}
		return AuthorityAuthorizationManager.hasAnyAuthority(rule.authorities().toArray(String[]::new));
	}

}
