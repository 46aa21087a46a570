package io.leadrelay.security;

import java.time.Clock;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.jdbc.JdbcDaoImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may call what. The webhook is open (its signature is its authentication), health
 * and metrics are open for probes and scrapers, the API wants HTTP Basic against the
 * users table. Every role reads and previews; marketers also edit mappings and replay
 * deliveries; the rest is for admins.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
		// Only what a machine-to-machine endpoint needs: every filter here runs for every
		// notification, and the webhook is the engine's hot path.
		return http.securityMatcher("/webhooks/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.servletApi(AbstractHttpConfigurer::disable)
			.sessionManagement(AbstractHttpConfigurer::disable)
			.securityContext((context) -> context.requireExplicitSave(true))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper mapper) throws Exception {
		ProblemResponses problems = new ProblemResponses(mapper);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MARKETER.name(), Role.VIEWER.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/mappings/preview")
				.hasAnyRole(Role.ADMIN.name(), Role.MARKETER.name(), Role.VIEWER.name())
				.requestMatchers("/api/v1/mappings/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MARKETER.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/deliveries/replay", "/api/v1/deliveries/*/replay")
				.hasAnyRole(Role.ADMIN.name(), Role.MARKETER.name())
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> {
			})
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(DataSource dataSource) {
		JdbcDaoImpl users = new JdbcDaoImpl();
		users.setDataSource(dataSource);
		users.setUsersByUsernameQuery("SELECT username, password_hash, enabled FROM app_user WHERE username = ?");
		users.setAuthoritiesByUsernameQuery("SELECT username, 'ROLE_' || role FROM app_user WHERE username = ?");
		return users;
	}

	@Bean
	AdminBootstrap adminBootstrap(JdbcTemplate jdbc, TransactionTemplate transactions, PasswordEncoder encoder,
			SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
		return new AdminBootstrap(jdbc, transactions, encoder, properties, events, clock);
	}

}
