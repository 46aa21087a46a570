package io.leadrelay.security.mfa;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TwoFactorThrottleTests {

	private final TwoFactorThrottle throttle = new TwoFactorThrottle(null, Clock.systemUTC(), 5, Duration.ofMinutes(1),
			Duration.ofHours(1));

	@ParameterizedTest
	@CsvSource({ "0, PT1M", "1, PT2M", "2, PT4M", "5, PT32M", "6, PT1H", "40, PT1H" })
	void doublesTheLockoutEachTimeUpToTheLongest(int earlierLockouts, Duration expected) {
		assertThat(this.throttle.lockout(earlierLockouts)).isEqualTo(expected);
	}

}
