package io.leadrelay.security.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** RFC 6238 appendix B: the SHA-1 seed is the ASCII of "12345678901234567890". */
	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void makesTheCodesOfRfc6238AppendixB(long epochSecond, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(epochSecond));
		assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(expected);
		assertThat(Totp.code(RFC_SECRET, step)).isEqualTo(expected.substring(2));
	}

	@Test
	void acceptsTheCodeOfTheCurrentStepAndItsNeighbours() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long current = Totp.step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).hasValue(step);
		}
	}

	@Test
	void rejectsACodeTwoStepsAway() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long current = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current + 2), now)).isEmpty();
	}

	@Test
	void rejectsAnythingButSixDigits() {
		Instant now = Instant.ofEpochSecond(59);
		assertThat(Totp.matchingStep(RFC_SECRET, "94287082", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "28708", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "2870 2", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
	}

	@Test
	void rejectsTheCodeOfAnotherSecret() {
		Instant now = Instant.ofEpochSecond(59);
		byte[] other = "09876543210987654321".getBytes(StandardCharsets.US_ASCII);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(other, Totp.step(now)), now)).isEmpty();
	}

}
