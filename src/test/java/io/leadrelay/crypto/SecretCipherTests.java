package io.leadrelay.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretCipherTests {

	private static final String KEY_2025 = key(1);

	private static final String KEY_2026 = key(2);

	private final SecretCipher cipher = new SecretCipher(new CryptoProperties(Map.of("k2026", KEY_2026), null, null));

	@Test
	void decryptsWhatItEncrypted() {
		String stored = this.cipher.encrypt("EAAB-page-token-ü", "page:1:token");
		assertThat(stored).startsWith("v1:k2026:").doesNotContain("EAAB");
		assertThat(this.cipher.decrypt(stored, "page:1:token")).isEqualTo("EAAB-page-token-ü");
	}

	@Test
	void encryptsTheSameValueDifferentlyEachTime() {
		assertThat(this.cipher.encrypt("same", "c")).isNotEqualTo(this.cipher.encrypt("same", "c"));
	}

	@Test
	void refusesACiphertextMovedToAnotherContext() {
		String stored = this.cipher.encrypt("token", "page:1:token");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.cipher.decrypt(stored, "page:2:token"));
	}

	@Test
	void refusesAnAlteredCiphertext() {
		String stored = this.cipher.encrypt("token", "c");
		char last = stored.charAt(stored.length() - 3);
		String altered = stored.substring(0, stored.length() - 3) + ((last == 'A') ? 'B' : 'A')
				+ stored.substring(stored.length() - 2);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.cipher.decrypt(altered, "c"));
	}

	@Test
	void decryptsValuesOfAnOlderKeyAfterARotation() {
		SecretCipher before = new SecretCipher(new CryptoProperties(Map.of("k2025", KEY_2025), null, null));
		String old = before.encrypt("old token", "c");
		SecretCipher after = new SecretCipher(
				new CryptoProperties(Map.of("k2025", KEY_2025, "k2026", KEY_2026), "k2026", null));
		assertThat(after.decrypt(old, "c")).isEqualTo("old token");
		assertThat(after.needsReencryption(old)).isTrue();
		assertThat(after.needsReencryption(after.encrypt("new token", "c"))).isFalse();
	}

	@Test
	void saysWhichKeyIsMissing() {
		SecretCipher before = new SecretCipher(new CryptoProperties(Map.of("k2025", KEY_2025), null, null));
		String old = before.encrypt("old token", "c");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.cipher.decrypt(old, "c"))
			.withMessageContaining("k2025");
	}

	@Test
	void refusesToEncryptWithoutAKey() {
		SecretCipher none = new SecretCipher(new CryptoProperties(Map.of(), null, null));
		assertThat(none.isConfigured()).isFalse();
		assertThatExceptionOfType(NoEncryptionKeyException.class).isThrownBy(() -> none.encrypt("x", "c"))
			.withMessageContaining("leadrelay.crypto.keys");
	}

	@Test
	void refusesBadKeySettingsNamingTheKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CryptoProperties(Map.of("k", "c2hvcnQ="), null, null))
			.withMessageContaining("leadrelay.crypto.keys.k");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CryptoProperties(Map.of("k", "not base64!"), null, null))
			.withMessageContaining("leadrelay.crypto.keys.k");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CryptoProperties(Map.of("a", KEY_2025, "b", KEY_2026), null, null))
			.withMessageContaining("leadrelay.crypto.active-key-id");
		assertThatIllegalArgumentException().isThrownBy(() -> new CryptoProperties(Map.of("a", KEY_2025), "b", null))
			.withMessageContaining("leadrelay.crypto.active-key-id");
	}

	private static String key(int seed) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) seed);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
