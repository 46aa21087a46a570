package io.leadrelay.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Percentiles by the nearest rank. */
class LatencyTests {

	@Test
	void takesTheNearestRank() {
		Latency one = Latency.of(new long[] { 700 }, false);
		assertThat(one.p50()).isEqualTo(Duration.ofMillis(700));
		assertThat(one.p95()).isEqualTo(Duration.ofMillis(700));
		Latency some = Latency.of(new long[] { 5000, 1000, 3000, 2000, 4000 }, true);
		assertThat(some.p50()).isEqualTo(Duration.ofMillis(3000));
		assertThat(some.p95()).isEqualTo(Duration.ofMillis(5000));
		assertThat(some.sampled()).isTrue();
		assertThat(Latency.of(new long[0], false)).isEqualTo(new Latency(0, null, null, false));
	}

}
