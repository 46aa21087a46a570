package io.leadrelay.security.mfa;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leadrelay.support.TestUsers;
import io.leadrelay.crypto.CryptoProperties;
import io.leadrelay.crypto.SecretCipher;
import io.leadrelay.security.TwoFactorChanged;
import io.leadrelay.security.mfa.TwoFactor.Outcome;
import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.MutableClock;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-factor sign-in against the real schema (H2 here, PostgreSQL in the subclass). */
@LeadRelayJdbcTest
class TwoFactorTests {

	private static final String ADDRESS = "203.0.113.7";

	@Autowired
	private JdbcTemplate jdbc;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	private final List<Object> events = new ArrayList<>();

	private final SecretCipher cipher = new SecretCipher(
			new CryptoProperties(Map.of("k1", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="), null, null));

	private TwoFactor twoFactor;

	private long userId;

	@BeforeEach
	void createUser() {
		TableCleaner.deleteAll(this.jdbc);
		this.userId = TestUsers.replace(this.jdbc, "ada", "MARKETER");
		TwoFactorThrottle throttle = new TwoFactorThrottle(this.jdbc, this.clock, 3, Duration.ofMinutes(1),
				Duration.ofMinutes(5));
		this.twoFactor = new TwoFactor(new TwoFactorStore(this.jdbc), throttle, this.cipher, this.events::add,
				this.clock);
	}

	@Test
	void turnsOnOnlyWithTheCurrentCodeOfTheNewSecret() {
		String secret = this.twoFactor.newEnrolment("ada").secret();
		assertThat(this.twoFactor.enable(this.userId, "ada", secret, "000000")).isEmpty();
		assertThat(this.twoFactor.status(this.userId).enabled()).isFalse();
		assertThat(this.twoFactor.enable(this.userId, "ada", secret, currentCode(secret)))
			.hasValueSatisfying((codes) -> assertThat(codes).hasSize(10));
		assertThat(this.twoFactor.status(this.userId)).isEqualTo(new TwoFactor.Status(true, 10));
		assertThat(this.events).containsExactly(new TwoFactorChanged.Enabled("ada", "ada"));
	}

	@Test
	void storesTheSecretEncryptedAndTheRecoveryCodesHashed() {
		String secret = this.twoFactor.newEnrolment("ada").secret();
		List<String> codes = this.twoFactor.enable(this.userId, "ada", secret, currentCode(secret)).orElseThrow();
		String stored = this.jdbc.queryForObject("SELECT totp_secret FROM app_user WHERE id = ?", String.class,
				this.userId);
		assertThat(stored).startsWith("v1:k1:").doesNotContain(secret);
		assertThat(this.jdbc.queryForList("SELECT code_hash FROM recovery_code WHERE user_id = ?", String.class,
				this.userId))
			.hasSize(10)
			.doesNotContainAnyElementsOf(codes)
			.contains(RecoveryCodes.hash(codes.get(0)));
	}

	@Test
	void acceptsEachCodeOnce() {
		String secret = enabled();
		this.clock.advance(Duration.ofSeconds(30));
		String code = currentCode(secret);
		assertThat(verify(code)).isEqualTo(Outcome.ACCEPTED);
		assertThat(verify(code)).isEqualTo(Outcome.WRONG);
	}

	@Test
	void refusesTheCodeThatTurnedItOn() {
		String secret = this.twoFactor.newEnrolment("ada").secret();
		String code = currentCode(secret);
		this.twoFactor.enable(this.userId, "ada", secret, code).orElseThrow();
		assertThat(verify(code)).isEqualTo(Outcome.WRONG);
	}

	@Test
	void refusesAnOlderCodeAfterANewerOne() {
		String secret = enabled();
		this.clock.advance(Duration.ofSeconds(60));
		String older = Totp.code(Base32.decode(secret), Totp.step(this.clock.instant()) - 1);
		assertThat(verify(currentCode(secret))).isEqualTo(Outcome.ACCEPTED);
		assertThat(verify(older)).isEqualTo(Outcome.WRONG);
	}

	@Test
	void acceptsEachRecoveryCodeOnceHoweverItIsTyped() {
		String secret = this.twoFactor.newEnrolment("ada").secret();
		List<String> codes = this.twoFactor.enable(this.userId, "ada", secret, currentCode(secret)).orElseThrow();
		assertThat(verify(codes.get(3).toUpperCase().replace("-", " "))).isEqualTo(Outcome.RECOVERY_CODE_ACCEPTED);
		assertThat(verify(codes.get(3))).isEqualTo(Outcome.WRONG);
		assertThat(this.twoFactor.status(this.userId).unusedRecoveryCodes()).isEqualTo(9);
		assertThat(this.events).contains(new TwoFactorChanged.RecoveryCodeUsed("ada", 9));
	}

	@Test
	void locksTheStepAfterTooManyWrongCodesForLongerEachTime() {
		String secret = enabled();
		assertThat(verify("111111")).isEqualTo(Outcome.WRONG);
		assertThat(verify("111112")).isEqualTo(Outcome.WRONG);
		TwoFactor.Verdict third = this.twoFactor.verify(this.userId, "ada", "111113", ADDRESS);
		assertThat(third).isEqualTo(new TwoFactor.Verdict(Outcome.LOCKED, this.clock.instant().plusSeconds(60)));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(verify(currentCode(secret))).as("right code while locked").isEqualTo(Outcome.LOCKED);
		this.clock.advance(Duration.ofSeconds(31));
		verify("111111");
		verify("111112");
		assertThat(this.twoFactor.verify(this.userId, "ada", "111113", ADDRESS).lockedUntil())
			.isEqualTo(this.clock.instant().plusSeconds(120));
		assertThat(this.events).contains(new TwoFactorChanged.CodeRefused("ada", ADDRESS, null),
				new TwoFactorChanged.CodeRefused("ada", ADDRESS, this.clock.instant().plusSeconds(120)));
	}

	@Test
	void forgetsWrongCodesAfterARightOne() {
		String secret = enabled();
		verify("111111");
		verify("111112");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(verify(currentCode(secret))).isEqualTo(Outcome.ACCEPTED);
		assertThat(verify("111113")).isEqualTo(Outcome.WRONG);
		assertThat(verify("111114")).isEqualTo(Outcome.WRONG);
	}

	@Test
	void turnsOffWithARightCodeAndForgetsTheSecretAndTheRecoveryCodes() {
		String secret = enabled();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.twoFactor.disable(this.userId, "ada", "111111", ADDRESS).accepted()).isFalse();
		assertThat(this.twoFactor.status(this.userId).enabled()).isTrue();
		assertThat(this.twoFactor.disable(this.userId, "ada", currentCode(secret), ADDRESS).accepted()).isTrue();
		assertThat(this.twoFactor.status(this.userId)).isEqualTo(new TwoFactor.Status(false, 0));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM recovery_code", Integer.class)).isZero();
		assertThat(this.events).contains(new TwoFactorChanged.Disabled("ada", "ada"));
	}

	@Test
	void refusesEveryCodeWhenTwoFactorIsOff() {
		assertThat(verify("123456")).isEqualTo(Outcome.WRONG);
	}

	private String enabled() {
		String secret = this.twoFactor.newEnrolment("ada").secret();
		this.twoFactor.enable(this.userId, "ada", secret, currentCode(secret)).orElseThrow();
		return secret;
	}

	private Outcome verify(String code) {
		return this.twoFactor.verify(this.userId, "ada", code, ADDRESS).outcome();
	}

	private String currentCode(String secret) {
		return Totp.code(Base32.decode(secret), Totp.step(this.clock.instant()));
	}

}
