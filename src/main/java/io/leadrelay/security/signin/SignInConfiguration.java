package io.leadrelay.security.signin;

import java.time.Clock;

import io.leadrelay.security.SecurityProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The sign-in throttle, with the limits of {@code leadrelay.security.sign-in}. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	@Bean
	SignInThrottle signInThrottle(JdbcTemplate jdbc, SecurityProperties properties, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		SecurityProperties.SignIn signIn = properties.signIn();
		LockoutRules rules = new LockoutRules(signIn.maxFailures(), signIn.maxFailuresPerAddress(),
				signIn.firstLockout(), signIn.maxLockout());
		return new SignInThrottle(new ThrottleStore(jdbc), rules, events, transactions, clock);
	}

}
