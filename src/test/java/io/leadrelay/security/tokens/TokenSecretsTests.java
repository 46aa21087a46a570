package io.leadrelay.security.tokens;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretsTests {

	final TokenSecrets secrets = new TokenSecrets(new SecureRandom());

	@Test
	void generatesPrefixedBase64UrlSecretsOf256Bits() {
		String secret = this.secrets.generate();

		assertThat(secret).hasSize(46).startsWith("lr_").matches("lr_[A-Za-z0-9_-]{43}");
		assertThat(TokenSecrets.wellFormed(secret)).isTrue();
	}

	@Test
	void neverGeneratesTheSameSecretTwice() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			assertThat(seen.add(this.secrets.generate())).isTrue();
		}
	}

	@Test
	void rejectsWhatIsNotShapedLikeASecret() {
		String secret = this.secrets.generate();

		assertThat(TokenSecrets.wellFormed(null)).isFalse();
		assertThat(TokenSecrets.wellFormed("")).isFalse();
		assertThat(TokenSecrets.wellFormed(secret.substring(0, 45))).isFalse();
		assertThat(TokenSecrets.wellFormed(secret + "A")).isFalse();
		assertThat(TokenSecrets.wellFormed("xx_" + secret.substring(3))).isFalse();
		assertThat(TokenSecrets.wellFormed("lr_" + "+".repeat(43))).isFalse();
	}

	@Test
	void hashesWithSha256InLowerCaseHex() {
		// echo -n 'abc' | sha256sum
		assertThat(TokenSecrets.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void hintsWithTheFirstCharactersOnly() {
		String secret = this.secrets.generate();

		assertThat(TokenSecrets.hint(secret)).hasSize(9).isEqualTo(secret.substring(0, 9));
	}

}
