package io.leadrelay.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code webhook-signature} against the Standard Webhooks specification's published
 * known answer.
 */
class WebhookSignatureTests {

	/**
	 * The known answer the specification's own libraries test with: github
	 * standard-webhooks/standard-webhooks at b2fa7b8, libraries/go/webhook_test.go
	 * (TestSign) and libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs.
	 */
	@Test
	void signsTheSpecificationsKnownAnswer() {
		assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				1614265330L, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void refusesAWhsecSecretThatIsNotBase64InsteadOfSigningWithItsText() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookSignature.sign("whsec_not-base64-at-all-but-long-enough", "msg_1", 1L, "{}"))
			.withMessageContaining("not base64");
	}

	@Test
	void signsWithTheUtf8BytesOfAPlainTextSecret() {
		String text = "ü".repeat(12);
		String asBase64 = "whsec_" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		assertThat(WebhookSignature.sign(text, "msg_1", 1L, "{}"))
			.isEqualTo(WebhookSignature.sign(asBase64, "msg_1", 1L, "{}"));
	}

}
