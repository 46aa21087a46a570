package io.leadrelay.delivery.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadrelay.delivery.DeliveryOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class SalesforceTokensTests {

	@RegisterExtension
	static WireMockExtension salesforce = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	static KeyPair keys;

	SalesforceConnector connector;

	String baseUrl;

	@BeforeAll
	static void keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		keys = generator.generateKeyPair();
	}

	@BeforeEach
	void connector() {
		this.baseUrl = "http://localhost:" + salesforce.getPort();
		this.connector = SalesforceFixtures.connector(Duration.ofSeconds(2));
		salesforce
			.stubFor(patch(urlPathEqualTo(SalesforceFixtures.UPSERT_PATH)).willReturn(aResponse().withStatus(204)));
	}

	@Test
	void badClientCredentialsAreRejected() {
		salesforce.stubFor(post(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));
		DeliveryOutcome outcome = deliver("client_credentials",
				Map.of("clientId", "3MVG9-consumer-key", "clientSecret", "wrong-secret"));
		assertThat(outcome).isEqualTo(new DeliveryOutcome.CredentialsRejected(
				"Salesforce refused to log in: invalid_client: invalid client credentials", 400));
		assertThat(outcome.message()).doesNotContain("wrong-secret");
		salesforce.verify(0, patchRequestedFor(urlPathEqualTo(SalesforceFixtures.UPSERT_PATH)));
	}

	@Test
	void anUnavailableTokenEndpointIsTransient() {
		salesforce.stubFor(post(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH))
			.willReturn(aResponse().withStatus(503).withBody("<html>Maintenance</html>")));
		DeliveryOutcome outcome = deliver("client_credentials",
				Map.of("clientId", "3MVG9-consumer-key", "clientSecret", "consumer-secret-1"));
		assertThat(outcome)
			.isEqualTo(DeliveryOutcome.Retry.transientFailure("Salesforce token endpoint failed: HTTP 503", 503));
	}

	@Test
	void theRefreshTokenFlowSendsTheRefreshToken() {
		salesforce.stubFor(SalesforceFixtures.token("00Dxx0000000001!AQ4AQ.refreshed", this.baseUrl));
		DeliveryOutcome outcome = deliver("refresh_token", Map.of("clientId", "3MVG9-consumer-key", "clientSecret",
				"consumer-secret-1", "refreshToken", "5Aep861-refresh"));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
		salesforce.verify(postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH))
			.withFormParam("grant_type", equalTo("refresh_token"))
			.withFormParam("client_id", equalTo("3MVG9-consumer-key"))
			.withFormParam("client_secret", equalTo("consumer-secret-1"))
			.withFormParam("refresh_token", equalTo("5Aep861-refresh")));
	}

	@Test
	void anExpiredRefreshTokenIsRejected() {
		salesforce.stubFor(post(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}")));
		DeliveryOutcome outcome = deliver("refresh_token", Map.of("clientId", "3MVG9-consumer-key", "clientSecret",
				"consumer-secret-1", "refreshToken", "5Aep861-refresh"));
		assertThat(outcome).isEqualTo(new DeliveryOutcome.CredentialsRejected(
				"Salesforce refused to log in: invalid_grant: expired access/refresh token", 400));
	}

	@Test
	void theJwtBearerFlowSendsAnAssertionSignedWithThePrivateKey() throws Exception {
		salesforce.stubFor(SalesforceFixtures.token("00Dxx0000000001!AQ4AQ.jwt", this.baseUrl));
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		DeliveryOutcome outcome = deliver("jwt_bearer", Map.of("clientId", "3MVG9-consumer-key", "privateKey", pem));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
		String[] jwt = assertion();
		assertThat(verifies(jwt, keys.getPublic())).isTrue();
		JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[0]));
		JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[1]));
		assertThat(header.path("alg").asText()).isEqualTo("RS256");
		assertThat(claims.path("iss").asText()).isEqualTo("3MVG9-consumer-key");
		assertThat(claims.path("sub").asText()).isEqualTo("integration@acme.example");
		assertThat(claims.path("aud").asText()).isEqualTo("https://login.salesforce.com");
		assertThat(claims.path("exp").asLong())
			.isEqualTo(SalesforceFixtures.CLOCK.instant().plus(Duration.ofMinutes(3)).getEpochSecond());
	}

	@Test
	void aPkcs1PrivateKeySignsToo() throws Exception {
		salesforce.stubFor(SalesforceFixtures.token("00Dxx0000000001!AQ4AQ.jwt", this.baseUrl));
		byte[] pkcs8 = keys.getPrivate().getEncoded();
		byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
		String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
				+ "\n-----END RSA PRIVATE KEY-----";
		DeliveryOutcome outcome = deliver("jwt_bearer", Map.of("clientId", "3MVG9-consumer-key", "privateKey", pem));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
		assertThat(verifies(assertion(), keys.getPublic())).isTrue();
	}

	@Test
	void anUnreadablePrivateKeyIsRejectedWithoutCallingSalesforce() {
		DeliveryOutcome outcome = deliver("jwt_bearer",
				Map.of("clientId", "3MVG9-consumer-key", "privateKey", "-----BEGIN PRIVATE KEY-----\nnot a key!"));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.CredentialsRejected.class);
		salesforce.verify(0, postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)));
	}

	@Test
	void sandboxesAreTheTestAudience() {
		assertThat(SalesforceJwt.audience("https://test.salesforce.com")).isEqualTo("https://test.salesforce.com");
		assertThat(SalesforceJwt.audience("https://acme--uat.sandbox.my.salesforce.com"))
			.isEqualTo("https://test.salesforce.com");
		assertThat(SalesforceJwt.audience("https://acme.my.salesforce.com")).isEqualTo("https://login.salesforce.com");
	}

	@Test
	void changedCredentialsLogInAgain() {
		salesforce.stubFor(SalesforceFixtures.token("00Dxx0000000001!AQ4AQ.first", this.baseUrl));
		deliver("client_credentials", Map.of("clientId", "3MVG9-consumer-key", "clientSecret", "consumer-secret-1"));
		deliver("client_credentials", Map.of("clientId", "3MVG9-consumer-key", "clientSecret", "consumer-secret-1"));
		deliver("client_credentials", Map.of("clientId", "3MVG9-consumer-key", "clientSecret", "consumer-secret-2"));
		salesforce.verify(2, postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)));
	}

	private DeliveryOutcome deliver(String authFlow, Map<String, String> credentials) {
		Map<String, String> settings = new LinkedHashMap<>(SalesforceFixtures.clientCredentialsSettings(this.baseUrl));
		settings.put("authFlow", authFlow);
		if ("jwt_bearer".equals(authFlow)) {
			settings.put("username", "integration@acme.example");
		}
		Map<String, String> payload = SalesforceFixtures.payloadWithoutNames();
		return this.connector.deliver(SalesforceFixtures.request("dest-sf-9", settings, credentials, payload));
	}

	private static String[] assertion() {
		LoggedRequest login = salesforce.findAll(postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)))
			.get(0);
		assertThat(login.formParameters().get("grant_type").firstValue())
			.isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
		return login.formParameters().get("assertion").firstValue().split("\\.");
	}

	private static boolean verifies(String[] jwt, PublicKey key) throws Exception {
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initVerify(key);
		signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		return signature.verify(Base64.getUrlDecoder().decode(jwt[2]));
	}

}
