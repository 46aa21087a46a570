package io.leadrelay.delivery.salesforce;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class SalesforceConnectorTests {

	static final String UPSERT_PATH = SalesforceFixtures.UPSERT_PATH;

	@RegisterExtension
	static WireMockExtension salesforce = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	SalesforceConnector connector;

	String baseUrl;

	@BeforeEach
	void connector() {
		this.baseUrl = "http://localhost:" + salesforce.getPort();
		this.connector = SalesforceFixtures.connector(Duration.ofMillis(500));
		salesforce.stubFor(SalesforceFixtures.token("00Dxx0000000001!AQ4AQ.first", this.baseUrl));
	}

	@Test
	void isTheSalesforceConnector() {
		assertThat(this.connector.code()).isEqualTo("salesforce");
	}

	@Test
	void logsInThenCreatesTheLeadByItsLeadgenIdWithLastNameAndCompanyDefaulted() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"00Qxx0000001AbCEAU\",\"success\":true,\"errors\":[],\"created\":true}")));
		Map<String, String> payload = SalesforceFixtures.payloadWithoutNames();
		payload.put(SalesforceFixtures.EXTERNAL_ID_FIELD, SalesforceFixtures.LEADGEN_ID);
		DeliveryOutcome outcome = this.connector.deliver(request(payload));
		assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("00Qxx0000001AbCEAU", 201,
				"created; LastName, Company set to [not provided]"));
		salesforce.verify(postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withFormParam("grant_type", equalTo("client_credentials"))
			.withFormParam("client_id", equalTo("3MVG9-consumer-key"))
			.withFormParam("client_secret", equalTo("consumer-secret-1")));
		salesforce.verify(patchRequestedFor(urlPathEqualTo(UPSERT_PATH))
			.withHeader("Authorization", equalTo("Bearer 00Dxx0000000001!AQ4AQ.first"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"FirstName":"Ana","Email":"ana@example.com","LeadSource":"Facebook Lead Ads",
					 "LastName":"[not provided]","Company":"[not provided]"}""")));
	}

	@Test
	void keepsTheNamesTheMappingGives() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH))
			.willReturn(okJson("{\"id\":\"00Qxx0000001AbCEAU\",\"success\":true,\"errors\":[],\"created\":false}")));
		Map<String, String> payload = SalesforceFixtures.payloadWithoutNames();
		payload.put("LastName", "Müller");
		payload.put("Company", "Sunny Roofs Ltd");
		DeliveryOutcome outcome = this.connector.deliver(request(payload));
		assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("00Qxx0000001AbCEAU", 200, "updated"));
		salesforce.verify(patchRequestedFor(urlPathEqualTo(UPSERT_PATH)).withRequestBody(equalToJson("""
				{"FirstName":"Ana","Email":"ana@example.com","LeadSource":"Facebook Lead Ads",
				 "LastName":"Müller","Company":"Sunny Roofs Ltd"}""")));
	}

	@Test
	void anUpdateWithoutContentIsDelivered() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(204)));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered(null, 204, "updated"));
	}

	@Test
	void aValidationErrorIsPermanentWithItsCodeAndFields() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							[{"message":"Email: invalid email address","errorCode":"INVALID_EMAIL_ADDRESS","fields":["Email"]},
							 {"message":"Phone must have 10 digits","errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":[]}]""")));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome).isEqualTo(new DeliveryOutcome.Permanent(
				"INVALID_EMAIL_ADDRESS: Email: invalid email address (Email); "
						+ "FIELD_CUSTOM_VALIDATION_EXCEPTION: Phone must have 10 digits",
				400, "INVALID_EMAIL_ADDRESS"));
	}

	@Test
	void anUnknownExternalIdFieldIsPermanent() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(404)
			.withBody("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]")));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.Permanent.class);
		assertThat(outcome.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(outcome.message()).contains("externalIdField");
	}

	@Test
	void anExpiredSessionLogsInOnceMoreAndTriesAgain() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(204)));
		this.connector.deliver(request(named()));
		salesforce.stubFor(SalesforceFixtures.token("00Dxx0000000001!AQ4AQ.second", this.baseUrl));
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH))
			.withHeader("Authorization", equalTo("Bearer 00Dxx0000000001!AQ4AQ.first"))
			.willReturn(aResponse().withStatus(401)
				.withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH))
			.withHeader("Authorization", equalTo("Bearer 00Dxx0000000001!AQ4AQ.second"))
			.willReturn(okJson("{\"id\":\"00Qxx0000001AbCEAU\",\"success\":true,\"errors\":[],\"created\":false}")));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("00Qxx0000001AbCEAU", 200, "updated"));
		salesforce.verify(2, postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)));
		salesforce.verify(3, patchRequestedFor(urlPathEqualTo(UPSERT_PATH)));
	}

	@Test
	void aCachedTokenServesLaterLeads() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(204)));
		this.connector.deliver(request(named()));
		this.connector.deliver(request(named()));
		salesforce.verify(1, postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)));
	}

	@Test
	void aRefusedFreshSessionRejectsTheCredentialsWithoutLoggingInAgain() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(401)
			.withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.CredentialsRejected.class);
		assertThat(outcome.httpStatus()).isEqualTo(401);
		salesforce.verify(1, postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)));
	}

	@Test
	void aForbiddenCallRejectsTheCredentials() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(403)
			.withBody("[{\"message\":\"The REST API is not enabled for this Organization.\","
					+ "\"errorCode\":\"API_DISABLED_FOR_ORG\"}]")));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome).isEqualTo(new DeliveryOutcome.CredentialsRejected(
				"Salesforce refused the session: API_DISABLED_FOR_ORG: The REST API is not enabled for this Organization.",
				403));
	}

	@Test
	void theOrgsRequestLimitThrottlesForAnHour() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(403)
			.withBody("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome).isEqualTo(DeliveryOutcome.Retry.throttled(Duration.ofHours(1),
				"Salesforce API limit reached: REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.", 403,
				"REQUEST_LIMIT_EXCEEDED"));
	}

	@Test
	void anUnavailableServerIsTransient() {
		salesforce.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(503)
			.withBody("[{\"message\":\"Server unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]")));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
		assertThat(((DeliveryOutcome.Retry) outcome).throttled()).isFalse();
		assertThat(outcome.httpStatus()).isEqualTo(503);
		assertThat(outcome.errorCode()).isEqualTo("SERVER_UNAVAILABLE");
	}

	@Test
	void aSlowAnswerIsTransient() {
		salesforce
			.stubFor(patch(urlPathEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(204).withFixedDelay(2_000)));
		DeliveryOutcome outcome = this.connector.deliver(request(named()));
		assertThat(outcome)
			.isEqualTo(DeliveryOutcome.Retry.transientFailure("Salesforce did not answer: HttpTimeoutException", null));
	}

	@Test
	void anUnreachableTokenEndpointIsTransient() {
		Map<String, String> settings = SalesforceFixtures.clientCredentialsSettings("http://localhost:1");
		DeliveryOutcome outcome = this.connector
			.deliver(SalesforceFixtures.request("dest-sf-2", settings, credentials(), named()));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
		assertThat(outcome.httpStatus()).isNull();
	}

	@Test
	void describesItselfWithoutTokens() {
		SalesforceSession.Active session = new SalesforceSession.Active("00Dxx!secret", this.baseUrl, true);
		assertThat(session.toString()).doesNotContain("secret");
	}

	private DeliveryRequest request(Map<String, String> payload) {
		return SalesforceFixtures.request("dest-sf-1", SalesforceFixtures.clientCredentialsSettings(this.baseUrl),
				credentials(), payload);
	}

	private static Map<String, String> credentials() {
		return Map.of("clientId", "3MVG9-consumer-key", "clientSecret", "consumer-secret-1");
	}

	private static Map<String, String> named() {
		Map<String, String> payload = new LinkedHashMap<>(SalesforceFixtures.payloadWithoutNames());
		payload.put("LastName", "Müller");
		payload.put("Company", "Sunny Roofs Ltd");
		return payload;
	}

}
