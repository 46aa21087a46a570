package io.leadrelay.delivery.pipedrive;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryOutcome.CredentialsRejected;
import io.leadrelay.delivery.DeliveryOutcome.Delivered;
import io.leadrelay.delivery.DeliveryOutcome.Permanent;
import io.leadrelay.delivery.DeliveryOutcome.Retry;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.MutableClock;
import io.leadrelay.support.OnPostgres;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

@LeadRelayJdbcTest
@OnPostgres
@Import(PipedrivePersonTable.class)
class PipedriveConnectorTests {

	static final String TOKEN = "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";

	static final String CUSTOM = "9dc80c50d78a15643bfc4ca79d76156a73a1ca0e";

	static final String KEY = "leadrelay-920000000000001-dst-pd";

	@RegisterExtension
	static WireMockExtension pipedrive = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PipedrivePersonTable personTable;

	PipedriveConnector connector;

	@BeforeEach
	void connector() {
		TableCleaner.deleteAll(this.jdbc);
		this.connector = new PipedriveConnector(new ObjectMapper(), this.clock, this.personTable);
	}

	@Test
	void updatesThePersonFoundByEmailAndCreatesALead() {
		pipedrive.stubFor(search().willReturn(okJson(PipedriveFixtures.searchFound(4711, "+447700900123"))));
		pipedrive
			.stubFor(patch(urlPathEqualTo("/api/v2/persons/4711")).willReturn(okJson(PipedriveFixtures.person(4711))));
		stubNoLeads(4711);
		stubLeadCreated("Facebook lead 920000000000001", 4711);
		DeliveryOutcome outcome = this.connector.deliver(ana());
		assertThat(outcome)
			.isEqualTo(new Delivered(PipedriveFixtures.LEAD_ID, 201, "person 4711 updated; lead created"));
		pipedrive
			.verify(getRequestedFor(urlPathEqualTo("/api/v2/persons/search")).withHeader("x-api-token", equalTo(TOKEN))
				.withQueryParam("term", equalTo("ana@example.com"))
				.withQueryParam("fields", equalTo("email"))
				.withQueryParam("exact_match", equalTo("true")));
		pipedrive.verify(patchRequestedFor(urlPathEqualTo("/api/v2/persons/4711")).withRequestBody(equalToJson("""
				{ "name": "Ana Müller", "custom_fields": { "%s": "Solar" } }""".formatted(CUSTOM))));
		pipedrive.verify(postRequestedFor(urlPathEqualTo("/api/v1/leads")).withHeader("x-api-token", equalTo(TOKEN))
			.withRequestBody(equalToJson("""
					{ "title": "Facebook lead 920000000000001", "person_id": 4711, "origin_id": "%s" }"""
				.formatted(KEY))));
	}

	@Test
	void aNewPhoneBecomesPrimaryAndTheKnownOnesStay() {
		pipedrive.stubFor(search().willReturn(okJson(PipedriveFixtures.searchFound(4711, "+44 20 7946 0000"))));
		pipedrive
			.stubFor(patch(urlPathEqualTo("/api/v2/persons/4711")).willReturn(okJson(PipedriveFixtures.person(4711))));
		stubNoLeads(4711);
		stubLeadCreated("Facebook lead 920000000000001", 4711);
		assertThat(this.connector.deliver(ana())).isInstanceOf(Delivered.class);
		pipedrive.verify(patchRequestedFor(urlPathEqualTo("/api/v2/persons/4711")).withRequestBody(equalToJson("""
				{ "name": "Ana Müller", "custom_fields": { "%s": "Solar" },
				  "phones": [ { "value": "+447700900123", "primary": true, "label": "mobile" },
				              { "value": "+44 20 7946 0000", "primary": false } ] }""".formatted(CUSTOM))));
	}

	@Test
	void createsThePersonWhenNoneHasTheEmailAndTitlesTheLeadAsMapped() {
		pipedrive.stubFor(search().willReturn(okJson(PipedriveFixtures.searchEmpty())));
		pipedrive.stubFor(post(urlPathEqualTo("/api/v2/persons")).willReturn(okJson(PipedriveFixtures.person(4712))));
		stubNoLeads(4712);
		stubLeadCreated("Solar quote — Ana", 4712);
		Map<String, String> payload = payload();
		payload.put("lead_title", "Solar quote — Ana");
		DeliveryOutcome outcome = this.connector.deliver(request(payload));
		assertThat(outcome)
			.isEqualTo(new Delivered(PipedriveFixtures.LEAD_ID, 201, "person 4712 created; lead created"));
		pipedrive.verify(postRequestedFor(urlPathEqualTo("/api/v2/persons")).withRequestBody(equalToJson("""
				{ "name": "Ana Müller",
				  "emails": [ { "value": "ana@example.com", "primary": true, "label": "work" } ],
				  "phones": [ { "value": "+447700900123", "primary": true, "label": "mobile" } ],
				  "custom_fields": { "%s": "Solar" } }""".formatted(CUSTOM))));
		pipedrive.verify(postRequestedFor(urlPathEqualTo("/api/v1/leads")).withRequestBody(equalToJson("""
				{ "title": "Solar quote — Ana", "person_id": 4712, "origin_id": "%s" }""".formatted(KEY))));
	}

	@Test
	void aRetryFindsTheLeadItCreatedAndCreatesNoSecondOne() {
		pipedrive.stubFor(search().willReturn(okJson(PipedriveFixtures.searchFound(4711, "+447700900123"))));
		pipedrive
			.stubFor(patch(urlPathEqualTo("/api/v2/persons/4711")).willReturn(okJson(PipedriveFixtures.person(4711))));
		pipedrive.stubFor(leadsOf(4711)
			.willReturn(okJson(PipedriveFixtures.leads(PipedriveFixtures.lead("0b5b7c2e-1111-4444-8888-000000000001",
					"Facebook lead 910000000000009", 4711, "leadrelay-910000000000009-dst-pd") + ","
					+ PipedriveFixtures.lead(PipedriveFixtures.LEAD_ID, "Facebook lead 920000000000001", 4711, KEY)))));
		DeliveryOutcome outcome = this.connector.deliver(ana());
		assertThat(outcome)
			.isEqualTo(new Delivered(PipedriveFixtures.LEAD_ID, 200, "person 4711 updated; lead already there"));
		pipedrive.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/leads")));
	}

	@Test
	void aLeadWithoutOriginIsRecognisedByItsTitle() {
		pipedrive.stubFor(search().willReturn(okJson(PipedriveFixtures.searchFound(4711, "+447700900123"))));
		pipedrive
			.stubFor(patch(urlPathEqualTo("/api/v2/persons/4711")).willReturn(okJson(PipedriveFixtures.person(4711))));
		pipedrive.stubFor(leadsOf(4711).willReturn(okJson(PipedriveFixtures
			.leads(PipedriveFixtures.lead(PipedriveFixtures.LEAD_ID, "Facebook lead 920000000000001", 4711, null)))));
		assertThat(this.connector.deliver(ana())).isInstanceOf(Delivered.class);
		pipedrive.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/leads")));
	}

	@Test
	void aBurstLimitWaitsTheResetPipedriveNames() {
		pipedrive.stubFor(search().willReturn(tooMany().withHeader("x-ratelimit-reset", "2")));
		assertThat(this.connector.deliver(ana())).isEqualTo(Retry.throttled(Duration.ofSeconds(2),
				"Pipedrive rate limit reached while searching the person", 429, "rate_limit"));
	}

	@Test
	void retryAfterWinsOverTheWindowReset() {
		pipedrive.stubFor(
				search().willReturn(tooMany().withHeader("x-ratelimit-reset", "2").withHeader("Retry-After", "7")));
		assertThat(((Retry) this.connector.deliver(ana())).after()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void aSpentDailyBudgetWaitsUntilMidnight() {
		pipedrive.stubFor(search().willReturn(tooMany().withHeader("x-daily-ratelimit-token-remaining", "0")));
		Retry retry = (Retry) this.connector.deliver(ana());
		assertThat(retry.throttled()).isTrue();
		assertThat(retry.after()).isEqualTo(Duration.ofHours(14));
		assertThat(retry.message()).contains("2026-11-24T00:00:00Z");
	}

	@Test
	void anUnauthorisedTokenIsRejectedCredentials() {
		pipedrive.stubFor(search().willReturn(error(401, "unauthorized access")));
		DeliveryOutcome outcome = this.connector.deliver(ana());
		assertThat(outcome).isEqualTo(new CredentialsRejected(
				"Pipedrive refused the API token while searching the person: unauthorized access", 401));
		assertThat(outcome.message()).doesNotContain(TOKEN);
	}

	@Test
	void anEdgePageAfterTooManyCallsIsThrottlingNotBadCredentials() {
		pipedrive.stubFor(search().willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "text/html")
			.withBody("<!DOCTYPE html><html><title>Attention Required! | Cloudflare</title></html>")));
		Retry retry = (Retry) this.connector.deliver(ana());
		assertThat(retry.throttled()).isTrue();
		assertThat(retry.after()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aRefusedLeadIsPermanentWithPipedrivesText() {
		pipedrive.stubFor(search().willReturn(okJson(PipedriveFixtures.searchFound(4711, "+447700900123"))));
		pipedrive
			.stubFor(patch(urlPathEqualTo("/api/v2/persons/4711")).willReturn(okJson(PipedriveFixtures.person(4711))));
		stubNoLeads(4711);
		pipedrive.stubFor(post(urlPathEqualTo("/api/v1/leads"))
			.willReturn(error(400, "Validation failed: title: Parameter 'title' must be a string")));
		assertThat(this.connector.deliver(ana())).isEqualTo(new Permanent(
				"Pipedrive answered 400 while creating the lead: Validation failed: title: Parameter 'title' must be a string",
				400, "400"));
	}

	@Test
	void aServerErrorIsTransient() {
		pipedrive.stubFor(search().willReturn(aResponse().withStatus(502).withBody("Bad gateway")));
		assertThat(this.connector.deliver(ana()))
			.isEqualTo(Retry.transientFailure("Pipedrive answered 502 while searching the person", 502));
	}

	@Test
	void aLeadWithoutEmailIsPermanentAndNotSent() {
		Map<String, String> payload = payload();
		payload.remove("email");
		assertThat(this.connector.deliver(request(payload))).isInstanceOf(Permanent.class);
		pipedrive.verify(0, getRequestedFor(anyUrl()));
	}

	private static MappingBuilder search() {
		return get(urlPathEqualTo("/api/v2/persons/search"));
	}

	private static MappingBuilder leadsOf(long personId) {
		return get(urlPathEqualTo("/api/v1/leads")).withQueryParam("person_id", equalTo(String.valueOf(personId)));
	}

	private static void stubNoLeads(long personId) {
		pipedrive.stubFor(leadsOf(personId).willReturn(okJson(PipedriveFixtures.leads(""))));
	}

	private static void stubLeadCreated(String title, long personId) {
		pipedrive.stubFor(post(urlPathEqualTo("/api/v1/leads")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(PipedriveFixtures
				.created(PipedriveFixtures.lead(PipedriveFixtures.LEAD_ID, title, personId, KEY)))));
	}

	private static ResponseDefinitionBuilder tooMany() {
		return error(429, "Request over limit").withHeader("x-ratelimit-limit", "40")
			.withHeader("x-ratelimit-remaining", "0");
	}

	private static ResponseDefinitionBuilder error(int status, String error) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(PipedriveFixtures.error(error));
	}

	private static Map<String, String> payload() {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("name", "Ana Müller");
		payload.put("email", "ana@example.com");
		payload.put("phone", "+447700900123");
		payload.put(CUSTOM, "Solar");
		return payload;
	}

	private static DeliveryRequest ana() {
		return request(payload());
	}

	private static DeliveryRequest request(Map<String, String> payload) {
		return new DeliveryRequest(2L, "920000000000001", "dst-pd", Map.of("baseUrl", pipedrive.baseUrl()),
				Map.of("apiToken", TOKEN), payload, KEY, false);
	}

}
