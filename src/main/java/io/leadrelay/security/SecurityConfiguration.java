package io.leadrelay.security;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.security.signin.SignInThrottle;
import io.leadrelay.security.tokens.BearerTokenFilter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The filter chains. The webhook is open (its signature is its authentication); the API
 * is stateless (HTTP Basic, API tokens) and answers problem JSON; everything else is the
 * admin UI, signed in with a form and a session. Both the API and the UI ask one
 * {@link AccessPolicy} who may do what.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain webhookSecurity() {
		// No filter at all: the webhook's signature (and the data deletion callback's
		// signed_request) is its authentication, it keeps no session and sets no cookie,
		// and each filter would run twice for every notification (on the request and on
		// platform-http's async dispatch). The body limit is a servlet filter of its own
		// (WebhookBodyLimitFilter), outside Spring Security.
		return new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher("/webhooks/**"));
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper mapper, StoredUsers users, PasswordEncoder encoder,
			SecurityProperties properties, SignInThrottle throttle, BearerTokenFilter bearerTokens) throws Exception {
		ProblemResponses problems = new ProblemResponses(mapper);
		http.securityMatcher("/api/**")
			.addFilterBefore(bearerTokens, BasicAuthenticationFilter.class)
			.authorizeHttpRequests(AccessRules::apply)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		if (properties.apiBasicAuth()) {
			http.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
				.authenticationManager(basicAuthentication(users, encoder, throttle));
		}
		else {
			http.httpBasic(AbstractHttpConfigurer::disable);
		}
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http, StoredUsers users, PasswordEncoder encoder, SignInSteps steps,
			SignInThrottle throttle) throws Exception {
		return http.authorizeHttpRequests(AccessRules::apply)
			.addFilterBefore(new SignedInUserRefresh(users, steps), AuthorizationFilter.class)
			.authenticationManager(formAuthentication(users, encoder, throttle))
			.formLogin((form) -> form.loginPage("/login")
				.successHandler((request, response,
						authentication) -> response.sendRedirect(request.getContextPath() + steps
							.passwordAccepted(request, response, (LeadRelayUser) authentication.getPrincipal())))
				.failureUrl("/login?error")
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.httpBasic(AbstractHttpConfigurer::disable)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new PageEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
				.accessDeniedHandler(new PendingStepRedirect()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
			.build();
	}

	private static AuthenticationManager formAuthentication(StoredUsers users, PasswordEncoder encoder,
			SignInThrottle throttle) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		return new ProviderManager(throttle.guard(provider));
	}

	private static AuthenticationManager basicAuthentication(StoredUsers users, PasswordEncoder encoder,
			SignInThrottle throttle) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		provider.setPostAuthenticationChecks(new BasicAuthenticationChecks());
		return new ProviderManager(throttle.guard(provider));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	StoredUsers storedUsers(JdbcTemplate jdbc) {
		return new StoredUsers(jdbc);
	}

	@Bean
	SignInSteps signInSteps(StoredUsers users, SecurityProperties properties) {
		return new SignInSteps(users, properties);
	}

	@Bean
	AdminBootstrap adminBootstrap(JdbcTemplate jdbc, TransactionTemplate transactions, PasswordEncoder encoder,
			SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
		return new AdminBootstrap(jdbc, transactions, encoder, properties, events, clock);
	}

}
