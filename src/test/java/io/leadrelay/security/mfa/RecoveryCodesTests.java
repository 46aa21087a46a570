package io.leadrelay.security.mfa;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryCodesTests {

	@Test
	void makesTenDistinctCodesInThreeGroupsOfFour() {
		List<String> codes = RecoveryCodes.generate(new SecureRandom());
		assertThat(codes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){2}"));
	}

	@Test
	void hashesTheSameCodeTheSameWayHoweverItIsTyped() {
		assertThat(RecoveryCodes.hash("K7QM 3XDE P2WA")).isEqualTo(RecoveryCodes.hash("k7qm-3xde-p2wa"))
			.hasSize(64)
			.doesNotContain("k7qm");
	}

	@Test
	void hashesDifferentCodesDifferently() {
		assertThat(RecoveryCodes.hash("k7qm-3xde-p2wa")).isNotEqualTo(RecoveryCodes.hash("k7qm-3xde-p2wb"));
	}

	@Test
	void tellsARecoveryCodeFromATotpCode() {
		assertThat(RecoveryCodes.looksLikeOne("K7QM-3XDE-P2WA")).isTrue();
		assertThat(RecoveryCodes.looksLikeOne("123456")).isFalse();
		assertThat(RecoveryCodes.looksLikeOne("k7qm-3xde-p2w1")).isFalse();
	}

}
