package io.leadrelay.security.mfa;

import java.time.Clock;

import io.leadrelay.crypto.SecretCipher;
import io.leadrelay.security.SecurityProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two-factor sign-in, throttled with the same settings as passwords. */
@Configuration(proxyBeanMethods = false)
class TwoFactorConfiguration {

	@Bean
	TwoFactor twoFactor(JdbcTemplate jdbc, SecretCipher cipher, SecurityProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		SecurityProperties.SignIn signIn = properties.signIn();
		TwoFactorThrottle throttle = new TwoFactorThrottle(jdbc, clock, signIn.maxFailures(), signIn.firstLockout(),
				signIn.maxLockout());
		return new TwoFactor(new TwoFactorStore(jdbc), throttle, cipher, events, clock);
	}

}
