package io.leadrelay.delivery.hubspot;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryOutcome.CredentialsRejected;
import io.leadrelay.delivery.DeliveryOutcome.Delivered;
import io.leadrelay.delivery.DeliveryOutcome.Permanent;
import io.leadrelay.delivery.DeliveryOutcome.Retry;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HubSpot connector against a WireMock stand-in that answers as HubSpot's OpenAPI
 * document for CRM contacts v3 says; after each test every call the connector made (and
 * every 200/207 answer the stand-in gave) is checked against that document. The document
 * is a transcription of {@code PublicApiSpecs/CRM/Contacts/Rollouts/424/v3/contacts.json}
 * in github.com/HubSpot/HubSpot-public-api-spec-collection at commit
 * {@code ab9ffa9c6f456fd8fce017f3d36fe619cbe88315}; see {@link HubSpotOpenApi} for why it
 * is not HubSpot's file itself and how to run against that.
 */
class HubSpotConnectorTests {

	static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

	static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	HubSpotConnector connector;

	/** Set by a test whose stand-in answers off HubSpot's spec on purpose. */
	boolean answerOffSpec;

	@BeforeEach
	void connector() {
		this.connector = new HubSpotConnector(new ObjectMapper(), this.clock);
	}

	@AfterEach
	void everyCallFollowsHubSpotsOpenApiDocument() {
		HubSpotOpenApi spec = HubSpotOpenApi.contactsV3();
		assertThat(this.answerOffSpec ? spec.requestViolations(hubspot.getAllServeEvents())
				: spec.violations(hubspot.getAllServeEvents()))
			.isEmpty();
	}

	@Test
	void createsAContactSendingTheLeadAsOneUpsertInput() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(HubSpotFixtures.results(result("512", true)))));
		DeliveryOutcome outcome = this.connector.deliver(ana());
		assertThat(outcome).isEqualTo(new Delivered("512", 200, "created"));
		hubspot.verify(postRequestedFor(urlPathEqualTo(UPSERT)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withRequestBody(equalToJson("""
					{ "inputs": [ { "idProperty": "email", "id": "ana@example.com",
					  "objectWriteTraceId": "leadrelay-920000000000001-dst-hs",
					  "properties": { "email": "ana@example.com", "firstname": "Ana",
					                  "lastname": "Müller", "phone": "+447700900123" } } ] }""")));
	}

	@Test
	void saysUpdatedWhenTheContactExisted() {
		hubspot.stubFor(
				post(urlPathEqualTo(UPSERT)).willReturn(okJson(HubSpotFixtures.results(result("2926551", false)))));
		assertThat(this.connector.deliver(ana())).isEqualTo(new Delivered("2926551", 200, "updated"));
	}

	@Test
	void upsertsABatchInOneCallAndMatchesResultsToLeads() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(
				HubSpotFixtures.results(HubSpotFixtures.result("703", false, "leadrelay-3-dst-hs", "cy@example.com"),
						HubSpotFixtures.result("701", true, "leadrelay-1-dst-hs", "al@example.com"),
						HubSpotFixtures.result("702", true, "leadrelay-2-dst-hs", "bo@example.com")))));
		List<DeliveryOutcome> outcomes = this.connector
			.deliverAll(List.of(lead("1", "al@example.com"), lead("2", "bo@example.com"), lead("3", "cy@example.com")));
		assertThat(outcomes).containsExactly(new Delivered("701", 200, "created"), new Delivered("702", 200, "created"),
				new Delivered("703", 200, "updated"));
		hubspot.verify(1, postRequestedFor(urlPathEqualTo(UPSERT)));
		hubspot.verify(postRequestedFor(urlPathEqualTo(UPSERT)).withRequestBody(equalToJson("""
				{ "inputs": [
				  { "idProperty": "email", "id": "al@example.com", "objectWriteTraceId": "leadrelay-1-dst-hs",
				    "properties": { "email": "al@example.com" } },
				  { "idProperty": "email", "id": "bo@example.com", "objectWriteTraceId": "leadrelay-2-dst-hs",
				    "properties": { "email": "bo@example.com" } },
				  { "idProperty": "email", "id": "cy@example.com", "objectWriteTraceId": "leadrelay-3-dst-hs",
				    "properties": { "email": "cy@example.com" } } ] }""")));
	}

	@Test
	void mapsAMultiStatusFailureToTheLeadItNames() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(aResponse().withStatus(207)
			.withHeader("Content-Type", "application/json")
			.withBody(HubSpotFixtures.multiStatus())));
		List<DeliveryOutcome> outcomes = this.connector
			.deliverAll(List.of(lead("1", "al@example.com"), lead("2", "bo@example"), lead("3", "cy@example.com")));
		assertThat(outcomes.get(0)).isEqualTo(new Delivered("701", 207, "created"));
		assertThat(outcomes.get(1))
			.isEqualTo(new Permanent("Property values were not valid: bo@example is not a valid email", 207,
					"VALIDATION_ERROR/INVALID_EMAIL"));
		assertThat(outcomes.get(2)).isEqualTo(new Delivered("703", 207, "updated"));
	}

	@Test
	void aLoneResultNamingAnotherContactIsRetriedNotDelivered() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(HubSpotFixtures
			.results(HubSpotFixtures.result("999", false, "leadrelay-77-dst-hs", "bob@example.com")))));
		DeliveryOutcome outcome = this.connector.deliver(ana());
		assertThat(outcome).isInstanceOf(Retry.class);
		assertThat(((Retry) outcome).throttled()).isFalse();
		assertThat(outcome.message())
			.isEqualTo("HubSpot's answer named neither this lead's objectWriteTraceId nor its email; sent again");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PENDING", "PROCESSING", "CANCELED" })
	void aBatchThatIsNotCompleteIsRetried(String status) {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(HubSpotFixtures.batch(status,
				HubSpotFixtures.result("512", true, "leadrelay-920000000000001-dst-hs", "ana@example.com")))));
		assertThat(this.connector.deliver(ana())).isEqualTo(Retry
			.transientFailure("HubSpot's batch status is " + status + ", not COMPLETE; the leads are sent again", 200));
	}

	@Test
	void anAnswerWithoutTheBatchStatusIsRetried() {
		this.answerOffSpec = true; // HubSpot's document requires status: only the request
									// is checked
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(HubSpotFixtures
			.results(HubSpotFixtures.result("512", true, "leadrelay-920000000000001-dst-hs", "ana@example.com"))
			.replace("\"status\": \"COMPLETE\",", ""))));
		assertThat(this.connector.deliver(ana())).isEqualTo(Retry
			.transientFailure("HubSpot's batch status is missing, not COMPLETE; the leads are sent again", 200));
	}

	@Test
	void aResultWithoutItsRecordIdIsRetried() {
		this.answerOffSpec = true; // HubSpot's document requires a result's id: only the
									// request is checked
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(HubSpotFixtures
			.results(HubSpotFixtures.result("", true, "leadrelay-920000000000001-dst-hs", "ana@example.com")))));
		assertThat(this.connector.deliver(ana()))
			.isEqualTo(Retry.transientFailure("HubSpot's result for this lead had no record id; sent again", 200));
	}

	@Test
	void resultsOutOfOrderGiveEachLeadItsOwnRecord() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT))
			.willReturn(okJson(HubSpotFixtures.results(HubSpotFixtures.result("703", false, null, "cy@example.com"),
					HubSpotFixtures.result("702", true, null, "bo@example.com"),
					HubSpotFixtures.result("701", true, null, "al@example.com")))));
		List<DeliveryOutcome> outcomes = this.connector
			.deliverAll(List.of(lead("1", "Al@Example.com"), lead("2", "bo@example.com"), lead("3", "CY@example.com")));
		assertThat(outcomes).containsExactly(new Delivered("701", 200, "created"), new Delivered("702", 200, "created"),
				new Delivered("703", 200, "updated"));
	}

	@Test
	void anErrorNamingTheLeadsTraceIdRefusesThatLeadOnly() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(multiStatus(
				HubSpotFixtures.multiStatus(HubSpotFixtures.result("702", true, "leadrelay-2-dst-hs", "bo@example.com"),
						HubSpotFixtures.error("\"objectWriteTraceId\": [\"leadrelay-1-dst-hs\"]")))));
		List<DeliveryOutcome> outcomes = this.connector
			.deliverAll(List.of(lead("1", "al@example"), lead("2", "bo@example.com")));
		assertThat(outcomes).containsExactly(new Permanent("Property values were not valid: not a valid email", 207,
				"VALIDATION_ERROR/INVALID_EMAIL"), new Delivered("702", 207, "created"));
	}

	@Test
	void aLoneErrorNamingAnotherLeadIsRetriedNotDeadLettered() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(multiStatus(HubSpotFixtures.multiStatus("",
				HubSpotFixtures.error("\"objectWriteTraceId\": [\"leadrelay-77-dst-hs\"]")))));
		DeliveryOutcome outcome = this.connector.deliver(ana());
		assertThat(outcome).isInstanceOf(Retry.class);
		assertThat(outcome.message()).contains("named neither this lead's objectWriteTraceId nor its email");
	}

	@Test
	void aConflictIsPermanentWithHubSpotsMessage() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT))
			.willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json").withBody("""
					{"status":"error","message":"Contact already exists. Existing ID: 2926551",
					 "correlationId":"0c3a3c4e-7b5e-4a44-9d41-3d5e1a0e0f11","category":"CONFLICT"}""")));
		assertThat(this.connector.deliver(ana()))
			.isEqualTo(new Permanent("Contact already exists. Existing ID: 2926551", 409, "CONFLICT"));
	}

	@Test
	void aValidationErrorIsPermanentWithMessageCategoryAndCode() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(validationError()));
		assertThat(this.connector.deliver(ana()))
			.isEqualTo(new Permanent("Property values were not valid: ana@example is not a valid email", 400,
					"VALIDATION_ERROR/INVALID_EMAIL"));
	}

	@Test
	void aBatchRefusedWholeIsSentAgainLeadByLeadSoOneBadLeadStaysAlone() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(
				HubSpotFixtures.results(HubSpotFixtures.result("701", true, "leadrelay-1-dst-hs", "al@example.com")))));
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).withRequestBody(containing("\"bo@example\""))
			.willReturn(validationError()));
		List<DeliveryOutcome> outcomes = this.connector
			.deliverAll(List.of(lead("1", "al@example.com"), lead("2", "bo@example")));
		assertThat(outcomes.get(0)).isEqualTo(new Delivered("701", 200, "created"));
		assertThat(outcomes.get(1)).isInstanceOf(Permanent.class);
		hubspot.verify(3, postRequestedFor(urlPathEqualTo(UPSERT)));
	}

	@Test
	void anUnauthorisedTokenIsRejectedCredentials() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT))
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
					{"status":"error","message":"Authentication credentials not found.",
					 "correlationId":"4e1f6b38-1a6e-4c0e-bb8e-9f8b1b2c3d4e","category":"INVALID_AUTHENTICATION"}""")));
		DeliveryOutcome outcome = this.connector.deliver(ana());
		assertThat(outcome).isInstanceOf(CredentialsRejected.class);
		assertThat(outcome.httpStatus()).isEqualTo(401);
		assertThat(outcome.message()).contains("Authentication credentials not found.").doesNotContain(TOKEN);
	}

	@Test
	void theTenSecondLimitWaitsTheIntervalHubSpotNames() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT))
			.willReturn(rateLimited("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.")));
		assertThat(this.connector.deliver(ana())).isEqualTo(Retry.throttled(Duration.ofSeconds(10),
				"You have reached your ten_secondly_rolling limit.", 429, "TEN_SECONDLY_ROLLING"));
	}

	@Test
	void retryAfterWinsOverTheInterval() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT))
			.willReturn(rateLimited("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.")
				.withHeader("Retry-After", "3")));
		assertThat(((Retry) this.connector.deliver(ana())).after()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void theDailyLimitWaitsUntilMidnightUtc() {
		hubspot.stubFor(
				post(urlPathEqualTo(UPSERT)).willReturn(rateLimited("DAILY", "You have reached your daily limit.")));
		Retry retry = (Retry) this.connector.deliver(ana());
		assertThat(retry.throttled()).isTrue();
		assertThat(retry.after()).isEqualTo(Duration.ofHours(14));
		assertThat(retry.errorCode()).isEqualTo("DAILY");
		assertThat(retry.message()).contains("daily limit").contains("2026-11-24T00:00:00Z");
	}

	@Test
	void aServerErrorIsTransient() {
		hubspot.stubFor(
				post(urlPathEqualTo(UPSERT)).willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
		assertThat(this.connector.deliver(ana())).isEqualTo(Retry.transientFailure("HubSpot answered 503", 503));
	}

	@Test
	void aSlowAnswerIsTransient() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT))
			.willReturn(okJson(HubSpotFixtures.results(result("512", true))).withFixedDelay(3000)));
		HubSpotConnector impatient = new HubSpotConnector(new ObjectMapper(), this.clock,
				new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofMillis(1000)));
		DeliveryOutcome outcome = impatient.deliver(ana());
		assertThat(outcome).isInstanceOf(Retry.class);
		assertThat(((Retry) outcome).throttled()).isFalse();
		assertThat(outcome.message()).isEqualTo("HubSpot did not answer in time while upserting contacts");
	}

	@Test
	void aLeadWithoutTheIdPropertyIsPermanentAndNotSent() {
		DeliveryOutcome outcome = this.connector.deliver(request("9", Map.of("firstname", "Ana")));
		assertThat(outcome).isInstanceOf(Permanent.class);
		assertThat(outcome.message()).contains("'email'");
		hubspot.verify(0, postRequestedFor(urlPathEqualTo(UPSERT)));
	}

	@Test
	void twoLeadsOfOneContactGoInSeparateCalls() {
		hubspot.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(HubSpotFixtures.results(result("512", false)))));
		List<DeliveryOutcome> outcomes = this.connector
			.deliverAll(List.of(lead("1", "ana@example.com"), lead("2", "ANA@example.com")));
		assertThat(outcomes).allMatch(Delivered.class::isInstance);
		hubspot.verify(2, postRequestedFor(urlPathEqualTo(UPSERT)));
	}

	private static String result(String id, boolean created) {
		return HubSpotFixtures.result(id, created, null, "ana@example.com");
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder multiStatus(String body) {
		return aResponse().withStatus(207).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder validationError() {
		return aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
				{ "status": "error", "message": "Property values were not valid: ana@example is not a valid email",
				  "correlationId": "b6881283-4a42-4c1a-8f86-6f1c3c0d8e21", "category": "VALIDATION_ERROR",
				  "errors": [ { "message": "ana@example is not a valid email", "code": "INVALID_EMAIL",
				                "context": { "propertyName": ["email"] } } ] }""");
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder rateLimited(String policy,
			String message) {
		return aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
			.withHeader("X-HubSpot-RateLimit-Max", "190")
			.withHeader("X-HubSpot-RateLimit-Remaining", "0")
			.withBody("""
					{ "status": "error", "message": "%s", "errorType": "RATE_LIMIT",
					  "correlationId": "20f98dfa-5b1c-4a5e-9e2f-0c1d2e3f4a5b", "policyName": "%s",
					  "groupName": "publicapi:private_app-api-calls-ten-secondly:1234567" }""".formatted(message,
					policy));
	}

	private static DeliveryRequest ana() {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("email", "ana@example.com");
		payload.put("firstname", "Ana");
		payload.put("lastname", "Müller");
		payload.put("phone", "+447700900123");
		return request("920000000000001", payload);
	}

	private static DeliveryRequest lead(String leadgenId, String email) {
		return request(leadgenId, Map.of("email", email));
	}

	static DeliveryRequest request(String leadgenId, Map<String, String> payload) {
		return new DeliveryRequest(1L, leadgenId, "dst-hs", Map.of("baseUrl", hubspot.baseUrl(), "idProperty", "email"),
				Map.of("accessToken", TOKEN), payload, DeliveryRequest.idempotencyKey(leadgenId, "dst-hs"), false);
	}

}
