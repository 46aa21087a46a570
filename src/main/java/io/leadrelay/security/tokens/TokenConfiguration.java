package io.leadrelay.security.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.security.SecurityProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** API tokens, their page and the filter the API chain signs requests in with. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	ApiTokens apiTokens(JdbcTemplate jdbc, SecurityProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		SecurityProperties.Tokens settings = properties.tokens();
		return new ApiTokens(new ApiTokenStore(jdbc), new TokenSecrets(new SecureRandom()),
				new RequestRateLimit(settings.requestsPerMinute(), Duration.ofMinutes(1)), settings.maxLifetime(),
				transactions, events, clock);
	}

	@Bean
	BearerTokenFilter bearerTokenFilter(ApiTokens tokens, UserDetailsService users, ObjectMapper mapper,
			SecurityProperties properties) {
		return new BearerTokenFilter(tokens, users, mapper, properties.tokens().requestsPerMinute());
	}

	/**
	 * The filter belongs to the API chain only, not to every request the server takes.
	 */
	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
