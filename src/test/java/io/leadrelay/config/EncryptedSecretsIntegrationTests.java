package io.leadrelay.config;

import io.leadrelay.meta.MetaProperties;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.WebhookClient;
import org.jasypt.encryption.pbe.PooledPBEStringEncryptor;
import org.jasypt.iv.RandomIvGenerator;
import org.jasypt.salt.RandomSaltGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets written as {@code ENC(...)} in the configuration are decrypted at start-up with
 * the Jasypt password, and work like plain ones.
 */
@LeadRelayIntegrationTest
class EncryptedSecretsIntegrationTests {

	private static final String JASYPT_PASSWORD = "ops-master-password";

	private static final String APP_SECRET = "encrypted-app-secret";

	private static final String VERIFY_TOKEN = "encrypted-verify-token";

	@LocalServerPort
	int port;

	@Autowired
	MetaProperties meta;

	@DynamicPropertySource
	static void encryptedSecrets(DynamicPropertyRegistry registry) {
		registry.add("jasypt.encryptor.password", () -> JASYPT_PASSWORD);
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:encrypted-secrets;DB_CLOSE_DELAY=-1");
		registry.add("leadrelay.meta.app-secrets[0]", () -> "ENC(" + encrypt(APP_SECRET) + ")");
		registry.add("leadrelay.meta.verify-token", () -> "ENC(" + encrypt(VERIFY_TOKEN) + ")");
		registry.add("leadrelay.security.bootstrap-admin-password", () -> "ENC(" + encrypt("admin-password-x") + ")");
	}

	/**
	 * Encrypts as {@code ./mvnw jasypt:encrypt-value} does, with the starter's defaults.
	 */
	private static String encrypt(String plain) {
		PooledPBEStringEncryptor encryptor = new PooledPBEStringEncryptor();
		encryptor.setPoolSize(1);
		encryptor.setPassword(JASYPT_PASSWORD);
		encryptor.setAlgorithm("PBEWITHHMACSHA512ANDAES_256");
		encryptor.setKeyObtentionIterations(1000);
		encryptor.setSaltGenerator(new RandomSaltGenerator());
		encryptor.setIvGenerator(new RandomIvGenerator());
		encryptor.setStringOutputType("base64");
		return encryptor.encrypt(plain);
	}

	@Test
	void decryptsEncryptedSettings() {
		assertThat(this.meta.appSecrets()).containsExactly(APP_SECRET);
		assertThat(this.meta.verifyToken()).isEqualTo(VERIFY_TOKEN);
	}

	@Test
	void usesDecryptedSecretsOnTheWebhook() {
		WebhookClient client = new WebhookClient(this.port);
		assertThat(
				client.get("/webhooks/meta?hub.mode=subscribe&hub.challenge=7&hub.verify_token=" + VERIFY_TOKEN).body())
			.isEqualTo("7");
		assertThat(client.postSigned(APP_SECRET, LeadgenPayloads.notification("920000000000101")).statusCode())
			.isEqualTo(200);
		assertThat(client.get("/api/v1/leads", "admin", "admin-password-x").statusCode()).isEqualTo(200);
	}

}
