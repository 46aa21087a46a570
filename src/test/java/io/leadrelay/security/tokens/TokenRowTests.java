package io.leadrelay.security.tokens;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRowTests {

	static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	@Test
	void writesTimesRelativeToNowRoundedToTheNearestUnit() {
		assertThat(TokenRow.relative(NOW.minusSeconds(59), NOW)).isEqualTo("just now");
		assertThat(TokenRow.relative(NOW.minusSeconds(200), NOW)).isEqualTo("3 min ago");
		assertThat(TokenRow.relative(NOW.minus(Duration.ofMinutes(59).plusSeconds(40)), NOW)).isEqualTo("1 hour ago");
		assertThat(TokenRow.relative(NOW.plus(Duration.ofHours(5)), NOW)).isEqualTo("in 5 hours");
		assertThat(TokenRow.relative(NOW.plus(Duration.ofDays(30).minusMillis(20)), NOW)).isEqualTo("in 30 days");
		assertThat(TokenRow.relative(NOW.minus(Duration.ofDays(1)), NOW)).isEqualTo("24 hours ago");
		assertThat(TokenRow.relative(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("3 days ago");
	}

	@Test
	void showsTheHintAndWhetherTheTokenMayBeRevoked() {
		ApiToken token = new ApiToken(7, "ci", "lr_AbCdEf", NOW.minus(Duration.ofDays(2)),
				NOW.plus(Duration.ofDays(88)), null, null);

		TokenRow active = TokenRow.of(token, NOW);
		TokenRow expired = TokenRow.of(token, NOW.plus(Duration.ofDays(88)));

		assertThat(active).extracting(TokenRow::hint, TokenRow::lastUsed, TokenRow::status, TokenRow::active)
			.containsExactly("lr_AbCdEf…", "Never", "Active", true);
		assertThat(active.expiresExact()).isEqualTo("2027-03-02 10:00 UTC");
		assertThat(expired).extracting(TokenRow::status, TokenRow::active).containsExactly("Expired", false);
	}

}
