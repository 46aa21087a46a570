package io.leadrelay.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may read the management endpoints ({@code /actuator/**}). Health is open, for load
 * balancers and orchestrators (its details only with the token). The others (metrics for
 * Prometheus and whatever else an operator exposes) are closed unless the operator chose
 * one of two ways to open them:
 * <ul>
 * <li>a token: with {@code leadrelay.security.management-token} set, a request carrying
 * {@code Authorization: Bearer <token>} reads them, on whichever port they are;</li>
 * <li>a port: with {@code management.server.port} set apart from {@code server.port} and
 * no token, they are open on that port, and the network decides who reaches it (bind it
 * to a private interface with {@code management.server.address}).</li>
 * </ul>
 * The session and HTTP Basic of users play no part here: a user's password or role never
 * opens metrics, and metrics credentials never open the UI or the API.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain managementSecurity(HttpSecurity http, SecurityProperties properties, Environment environment,
			ObjectMapper mapper) throws Exception {
		boolean openPort = properties.managementToken() == null
				&& ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		ManagementProblems problems = new ManagementProblems(mapper, properties.managementToken() != null);
		return http.securityMatcher(EndpointRequest.toAnyEndpoint()).authorizeHttpRequests((requests) -> {
			requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
			if (openPort) {
				requests.anyRequest().permitAll();
			}
			else {
				requests.anyRequest().hasAuthority(ManagementTokenFilter.AUTHORITY);
			}
		})
			.addFilterBefore(new ManagementTokenFilter(properties.managementToken()), AuthorizationFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
