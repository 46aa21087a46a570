package io.leadrelay.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed webhook as a Standard Webhooks receiver sees it. The receiver here verifies
 * with its own implementation of the specification's verification
 * (spec/standard-webhooks.md in github standard-webhooks/standard-webhooks, "Verifying
 * webhook authenticity"), not with our signer.
 */
class WebhookConnectorTests {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final Instant SUBMITTED = Instant.parse("2026-11-20T10:00:00Z");

	static final String KEY = "leadrelay-920000000000001-hook";

	@RegisterExtension
	static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	final WebhookConnector connector = new WebhookConnector(new ObjectMapper(), this.clock);

	final ObjectMapper json = new ObjectMapper();

	@Test
	void sendsALeadAStandardWebhooksReceiverVerifies() throws Exception {
		receiver.stubFor(post("/leads").willReturn(aResponse().withStatus(204)));
		assertThat(this.connector.deliver(lead(1))).isInstanceOf(DeliveryOutcome.Delivered.class);

		LoggedRequest sent = only();
		assertThat(Receiver.verifies(SECRET, sent, this.clock.instant())).isTrue();
		assertThat(sent.getHeader("webhook-id")).isEqualTo(KEY);
		assertThat(sent.getHeader("webhook-timestamp")).isEqualTo(Long.toString(this.clock.instant().getEpochSecond()));
		JsonNode event = this.json.readTree(sent.getBodyAsString());
		assertThat(event.get("type").asText()).isEqualTo("lead.created");
		assertThat(event.get("timestamp").asText()).isEqualTo("2026-11-20T10:00:00Z");
		assertThat(event.get("data")).isEqualTo(this.json.readTree(
				"""
						{"leadgen_id":"920000000000001","fields":{"email":"ana@example.com","name":"Ana Müller"},"is_test":false}"""));
	}

	@Test
	void theReceiversVerifierRefusesATamperedBodyAStaleTryAndAnotherSecret() {
		receiver.stubFor(post("/leads").willReturn(aResponse().withStatus(204)));
		this.connector.deliver(lead(1));
		LoggedRequest sent = only();
		assertThat(Receiver.verifies(SECRET, sent.getHeader("webhook-id"), sent.getHeader("webhook-timestamp"),
				sent.getHeader("webhook-signature"), sent.getBody(), this.clock.instant()))
			.isTrue();
		byte[] tampered = sent.getBodyAsString().replace("ana@", "eve@").getBytes(StandardCharsets.UTF_8);
		assertThat(Receiver.verifies(SECRET, sent.getHeader("webhook-id"), sent.getHeader("webhook-timestamp"),
				sent.getHeader("webhook-signature"), tampered, this.clock.instant()))
			.isFalse();
		assertThat(Receiver.verifies(SECRET, sent, this.clock.instant().plus(Duration.ofMinutes(6)))).isFalse();
		assertThat(Receiver.verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), sent,
				this.clock.instant()))
			.isFalse();
	}

	@Test
	void keepsTheEventTimeInThePayloadAndTheWebhookIdOnEveryTryWhileTheHeaderTellsTheTry() throws Exception {
		receiver.stubFor(post("/leads").inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		receiver.stubFor(
				post("/leads").inScenario("outage").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
		assertThat(this.connector.deliver(lead(1))).isInstanceOf(DeliveryOutcome.Retry.class);
		Instant firstTry = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.connector.deliver(lead(1))).isInstanceOf(DeliveryOutcome.Delivered.class);

		List<LoggedRequest> tries = tries();
		assertThat(tries)
			.extracting((request) -> this.json.readTree(request.getBodyAsString()).get("timestamp").asText())
			.containsExactly("2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z");
		assertThat(tries).extracting((request) -> request.getHeader("webhook-id")).containsExactly(KEY, KEY);
		assertThat(tries).extracting((request) -> request.getHeader("webhook-timestamp"))
			.containsExactly(Long.toString(firstTry.getEpochSecond()),
					Long.toString(this.clock.instant().getEpochSecond()));
		assertThat(Receiver.verifies(SECRET, tries.get(1), this.clock.instant())).isTrue();
	}

	@Test
	void sendsAChangedPayloadUnderANewWebhookId() {
		receiver.stubFor(post("/leads").willReturn(aResponse().withStatus(200)));
		this.connector.deliver(lead(1));
		this.connector.deliver(lead(2));
		List<LoggedRequest> tries = tries();
		assertThat(tries).extracting((request) -> request.getHeader("webhook-id")).containsExactly(KEY, KEY + "-r2");
		assertThat(tries)
			.allSatisfy((request) -> assertThat(Receiver.verifies(SECRET, request, this.clock.instant())).isTrue());
	}

	@Test
	void pausesTheDestinationRatherThanSignWithAWhsecSecretThatIsNotBase64() {
		receiver.stubFor(post("/leads").willReturn(aResponse().withStatus(200)));
		DeliveryOutcome outcome = this.connector.deliver(lead(1, "whsec_not-base64-at-all-but-long-enough"));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.CredentialsRejected.class);
		assertThat(outcome.message())
			.startsWith("credentials.signingSecret must be whsec_ followed by standard base64");
		assertThat(receiver.getAllServeEvents()).isEmpty();
	}

	private DeliveryRequest lead(int payloadRevision) {
		return lead(payloadRevision, SECRET);
	}

	private DeliveryRequest lead(int payloadRevision, String secret) {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("email", "ana@example.com");
		payload.put("name", "Ana Müller");
		return new DeliveryRequest(1L, "920000000000001", "hook", Map.of("url", receiver.baseUrl() + "/leads"),
				Map.of("signingSecret", secret), payload, KEY, false, payloadRevision, SUBMITTED);
	}

	private static LoggedRequest only() {
		List<LoggedRequest> tries = tries();
		assertThat(tries).hasSize(1);
		return tries.get(0);
	}

	private static List<LoggedRequest> tries() {
		return receiver.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
			.toList();
	}

	/**
	 * A receiver's verification, written from the specification: the signed content is
	 * {@code <webhook-id>.<webhook-timestamp>.<body>}, signed with HMAC-SHA256 under the
	 * base64-decoded part of the {@code whsec_} secret; {@code webhook-signature} is a
	 * space-separated list of {@code v1,<base64>}, any of which may match (compared in
	 * constant time); a timestamp more than five minutes from now is refused.
	 */
	static final class Receiver {

		static final Duration TOLERANCE = Duration.ofMinutes(5);

		static boolean verifies(String secret, LoggedRequest request, Instant now) {
			return verifies(secret, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
					request.getHeader("webhook-signature"), request.getBody(), now);
		}

		static boolean verifies(String secret, String id, String timestamp, String signatures, byte[] body,
				Instant now) {
			if (id == null || timestamp == null || signatures == null) {
				return false;
			}
			long seconds;
			try {
				seconds = Long.parseLong(timestamp);
			}
			catch (NumberFormatException ex) {
				return false;
			}
			if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
				return false;
			}
			byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
					concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
			for (String signature : signatures.split(" ")) {
				String[] parts = signature.split(",", 2);
				if (parts.length == 2 && "v1".equals(parts[0])) {
					byte[] given;
					try {
						given = Base64.getDecoder().decode(parts[1]);
					}
					catch (IllegalArgumentException ex) {
						continue;
					}
					if (MessageDigest.isEqual(expected, given)) {
						return true;
					}
				}
			}
			return false;
		}

		private static byte[] hmac(byte[] key, byte[] content) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key, "HmacSHA256"));
				return mac.doFinal(content);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static byte[] concat(byte[] head, byte[] tail) {
			byte[] all = new byte[head.length + tail.length];
			System.arraycopy(head, 0, all, 0, head.length);
			System.arraycopy(tail, 0, all, head.length, tail.length);
			return all;
		}

	}

}
