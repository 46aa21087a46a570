package io.leadrelay.security.tokens;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestRateLimitTests {

	static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	final RequestRateLimit limit = new RequestRateLimit(120, Duration.ofMinutes(1));

	@Test
	void allowsAFullBudgetAtOnceThenRefuses() {
		long state = 0;
		for (int i = 0; i < 120; i++) {
			RequestRateLimit.Decision decision = this.limit.take(state, NOW);
			assertThat(decision.allowed()).as("request %d", i + 1).isTrue();
			state = decision.fullAtMicros();
		}

		RequestRateLimit.Decision refused = this.limit.take(state, NOW);

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.fullAtMicros()).as("a refusal spends nothing").isEqualTo(state);
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void refillsOneRequestPerInterval() {
		long state = spend(120, NOW);

		assertThat(this.limit.take(state, NOW.plusMillis(499)).allowed()).isFalse();
		RequestRateLimit.Decision next = this.limit.take(state, NOW.plusMillis(500));
		assertThat(next.allowed()).isTrue();
		assertThat(this.limit.take(next.fullAtMicros(), NOW.plusMillis(500)).allowed()).isFalse();
	}

	@Test
	void forgetsOldUseOnceTheBudgetIsFull() {
		long state = spend(120, NOW);

		assertThat(spend(120, NOW.plus(Duration.ofMinutes(1)), state)).isPositive();
	}

	@Test
	void neverAllowsMoreThanTheLimitInAnyMinuteAtASteadyPace() {
		long state = 0;
		int allowed = 0;
		Instant end = NOW.plus(Duration.ofMinutes(10));
		for (Instant now = NOW; now.isBefore(end); now = now.plusMillis(100)) {
			RequestRateLimit.Decision decision = this.limit.take(state, now);
			if (decision.allowed()) {
				allowed++;
				state = decision.fullAtMicros();
			}
		}

		// A burst of 120, then 2 a second for the remaining 10 minutes less the burst.
		assertThat(allowed).isBetween(120 + 2 * 599, 120 + 2 * 600);
	}

	@Test
	void roundsRetryAfterUpToWholeSeconds() {
		RequestRateLimit slow = new RequestRateLimit(1, Duration.ofMinutes(1));
		long state = slow.take(0, NOW).fullAtMicros();

		RequestRateLimit.Decision refused = slow.take(state, NOW.plusMillis(20_500));

		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(39_500));
		assertThat(refused.retryAfterSeconds()).isEqualTo(40);
		assertThat(slow.take(state, NOW.plusSeconds(20)).retryAfterSeconds()).isEqualTo(40);
	}

	@Test
	void rejectsALimitBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestRateLimit(0, Duration.ofMinutes(1)))
			.withMessageContaining("at least 1");
	}

	private long spend(int requests, Instant now) {
		return spend(requests, now, 0);
	}

	private long spend(int requests, Instant now, long state) {
		for (int i = 0; i < requests; i++) {
			RequestRateLimit.Decision decision = this.limit.take(state, now);
			assertThat(decision.allowed()).as("request %d", i + 1).isTrue();
			state = decision.fullAtMicros();
		}
		return state;
	}

}
