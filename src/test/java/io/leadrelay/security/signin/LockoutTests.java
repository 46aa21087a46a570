package io.leadrelay.security.signin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutTests {

	static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	@Test
	void roundsTheWaitUpToWholeSeconds() {
		assertThat(Lockout.until(NOW.plusMillis(1500), NOW).retryAfterSeconds()).isEqualTo(2);
		assertThat(Lockout.until(NOW.minusSeconds(5), NOW).retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void saysTheWaitInWords() {
		assertThat(Lockout.until(NOW.plusSeconds(1), NOW).inWords()).isEqualTo("1 second");
		assertThat(Lockout.until(NOW.plusSeconds(30), NOW).inWords()).isEqualTo("30 seconds");
		assertThat(Lockout.until(NOW.plusSeconds(60), NOW).inWords()).isEqualTo("1 minute");
		assertThat(Lockout.until(NOW.plusSeconds(61), NOW).inWords()).isEqualTo("2 minutes");
		assertThat(Lockout.until(NOW.plus(Duration.ofHours(1)), NOW).inWords()).isEqualTo("60 minutes");
	}

}
