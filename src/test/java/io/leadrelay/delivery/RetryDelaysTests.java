package io.leadrelay.delivery;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.leadrelay.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryDelaysTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	@Test
	void readsRetryAfterInSeconds() {
		assertThat(RetryDelays.retryAfter(reply("Retry-After", "12"), this.clock)).contains(Duration.ofSeconds(12));
	}

	@Test
	void readsRetryAfterAsAnHttpDate() {
		assertThat(RetryDelays.retryAfter(reply("Retry-After", "Mon, 23 Nov 2026 10:01:30 GMT"), this.clock))
			.contains(Duration.ofSeconds(90));
	}

	@Test
	void ignoresRetryAfterItCannotRead() {
		assertThat(RetryDelays.retryAfter(reply("Retry-After", "soon"), this.clock)).isEmpty();
	}

	@Test
	void aDateInThePastMeansNow() {
		assertThat(RetryDelays.retryAfter(reply("Retry-After", "Mon, 23 Nov 2026 09:00:00 GMT"), this.clock))
			.contains(Duration.ZERO);
	}

	@Test
	void midnightUtcIsTheNextOne() {
		assertThat(RetryDelays.untilMidnightUtc(this.clock)).isEqualTo(Duration.ofHours(14));
	}

	private static HttpReply.Replied reply(String name, String value) {
		return new HttpReply.Replied(429, HttpHeaders.of(Map.of(name, List.of(value)), (key, text) -> true), "");
	}

}
