package io.leadrelay.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which keys the engine encrypts with: the configured ones, or the generated one in the
 * key file; a generated key still decrypts after keys are configured.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionKeysTests {

	private static final String CONFIGURED = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

	@TempDir
	Path directory;

	@Test
	void generatesAKeyWhenNoneIsConfiguredAndSaysWhereOnceAtWarn(CapturedOutput output) {
		Path keyFile = this.directory.resolve("data/encryption.key");
		CryptoProperties first = EncryptionKeys.resolve(new CryptoProperties(Map.of(), null, keyFile));
		assertThat(first.activeKeyId()).isEqualTo("generated");
		assertThat(keyFile).exists();
		assertThat(output).containsOnlyOnce("WARN")
			.contains("generated the key", keyFile.toString(), "leadrelay.crypto.keys.generated", "ENC(");
		CryptoProperties second = EncryptionKeys.resolve(new CryptoProperties(Map.of(), null, keyFile));
		assertThat(second.keys()).isEqualTo(first.keys());
		assertThat(output).containsOnlyOnce("WARN")
			.contains("with the generated key in " + keyFile)
			.doesNotContain(first.keys().get("generated"));
	}

	@Test
	void usesConfiguredKeysWithoutGeneratingAFile() {
		Path keyFile = this.directory.resolve("encryption.key");
		CryptoProperties keys = EncryptionKeys.resolve(new CryptoProperties(Map.of("k1", CONFIGURED), null, keyFile));
		assertThat(keys.keys()).containsOnlyKeys("k1");
		assertThat(keys.activeKeyId()).isEqualTo("k1");
		assertThat(keyFile).doesNotExist();
	}

	@Test
	void stillDecryptsWithTheGeneratedKeyOnceKeysAreConfigured() {
		Path keyFile = this.directory.resolve("encryption.key");
		SecretCipher before = new SecretCipher(EncryptionKeys.resolve(new CryptoProperties(Map.of(), null, keyFile)));
		String stored = before.encrypt("page-token", "page:1:token");
		assertThat(stored).startsWith("v1:generated:");
		SecretCipher after = new SecretCipher(
				EncryptionKeys.resolve(new CryptoProperties(Map.of("k1", CONFIGURED), null, keyFile)));
		assertThat(after.decrypt(stored, "page:1:token")).isEqualTo("page-token");
		assertThat(after.needsReencryption(stored)).isTrue();
		assertThat(after.encrypt("page-token", "page:1:token")).startsWith("v1:k1:");
	}

	@Test
	void leavesTheKeyFileAloneWhenAKeyNamedGeneratedIsConfigured() throws Exception {
		Path keyFile = Files.writeString(this.directory.resolve("encryption.key"), "unreadable by design");
		CryptoProperties keys = EncryptionKeys
			.resolve(new CryptoProperties(Map.of("generated", CONFIGURED), null, keyFile));
		assertThat(keys.keys()).containsExactly(Map.entry("generated", CONFIGURED));
	}

}
