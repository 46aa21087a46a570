package io.leadrelay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a failed delivery is tried again.
 */
class RetryPolicyTests {

	static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
			Duration.ofHours(12));

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@ParameterizedTest
	@CsvSource({ "1, PT10S", "2, PT1M", "3, PT5M", "4, PT15M", "5, PT1H", "6, PT3H", "7, PT6H", "8, PT12H", "9, PT12H",
			"30, PT12H" })
	void followsTheScheduleAndRepeatsItsLastStep(int attempts, Duration wait) {
		RetryPolicy policy = new RetryPolicy(SCHEDULE, Duration.ofDays(30), 0, () -> 0.5);
		assertThat(policy.next(attempts, NOW, NOW, null)).hasValue(NOW.plus(wait));
	}

	@Test
	void spreadsRetriesByTheJitterEitherWay() {
		assertThat(new RetryPolicy(SCHEDULE, Duration.ofHours(72), 0.2, () -> 0.0).next(2, NOW, NOW, null))
			.hasValue(NOW.plusSeconds(48));
		assertThat(new RetryPolicy(SCHEDULE, Duration.ofHours(72), 0.2, () -> 1.0).next(2, NOW, NOW, null))
			.hasValue(NOW.plusSeconds(72));
	}

	@Test
	void waitsAsLongAsTheCrmAsks() {
		RetryPolicy policy = new RetryPolicy(SCHEDULE, Duration.ofHours(72), 0.2, () -> 1.0);
		assertThat(policy.next(1, NOW, NOW, Duration.ofSeconds(37))).hasValue(NOW.plusSeconds(37));
	}

	@Test
	void givesUpPastTheHorizonCountedFromCreationOrReplay() {
		RetryPolicy policy = new RetryPolicy(SCHEDULE, Duration.ofHours(72), 0, () -> 0.5);
		Instant created = NOW.minus(Duration.ofHours(66));
		assertThat(policy.next(9, created, NOW, null)).isEmpty();
		assertThat(policy.next(1, created, NOW, null)).hasValue(NOW.plusSeconds(10));
		assertThat(policy.next(9, NOW, NOW, null)).hasValue(NOW.plus(Duration.ofHours(12)));
	}

	@Test
	void letsADestinationOverrideTheScheduleAndTheHorizon() {
		DeliveryProperties properties = new DeliveryProperties(true, 4, 100, Duration.ofMinutes(2),
				Duration.ofSeconds(1), SCHEDULE, Duration.ofHours(72), 0, Map.of(),
				new DeliveryProperties.CircuitBreaker(50, 20, 5, Duration.ofSeconds(30)), List.of(), 2000);
		RetryPolicy own = RetryPolicy.of(properties, Map.of("retrySchedule", "30s, 2m", "retryHorizon", "1h"));
		assertThat(own.next(1, NOW, NOW, null)).hasValue(NOW.plusSeconds(30));
		assertThat(own.next(5, NOW, NOW, null)).hasValue(NOW.plusSeconds(120));
		assertThat(own.next(5, NOW.minus(Duration.ofMinutes(59)), NOW, null)).isEmpty();
		assertThat(RetryPolicy.of(properties, Map.of("url", "https://x")).next(2, NOW, NOW, null))
			.hasValue(NOW.plusSeconds(60));
	}

}
