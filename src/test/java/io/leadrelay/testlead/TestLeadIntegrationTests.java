package io.leadrelay.testlead;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.form.LeadForm;
import io.leadrelay.form.LeadForms;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test lead the whole way: stored marked as a test, mapped with a stored mapping, sent
 * now to WireMock as HubSpot through the HubSpot connector, its delivery, attempt and
 * timeline recorded as for a real lead, and the CRM's answer told back.
 */
@LeadRelayIntegrationTest
class TestLeadIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

	static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Mappings mappings;

	@Autowired
	LeadForms forms;

	@Autowired
	ObjectMapper json;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		TableCleaner.deleteAll(this.jdbc);
		this.client = new WebhookClient(this.port);
		assertThat(this.client.call("POST", "/api/v1/destinations", """
				{"id":"hubspot-main","name":"HubSpot","type":"hubspot","settings":{"baseUrl":"%s"},
				 "credentials":{"accessToken":"%s"}}""".formatted(hubspot.baseUrl(), TOKEN), "admin", PASSWORD)
			.statusCode()).isEqualTo(201);
		this.forms.replaceForPage("100000000000001",
				List.of(new LeadForm("700000000000011", "100000000000001", "Solar DE", "ACTIVE", "de_DE",
						List.of(new LeadForm.Question("full_name", "Full name", "FULL_NAME"),
								new LeadForm.Question("email", "Email", "EMAIL"),
								new LeadForm.Question("phone_number", "Phone", "PHONE"),
								new LeadForm.Question("roof", "Roof type?", "CUSTOM")),
						Instant.now())),
				Instant.now());
		this.mappings.create("""
				id: hubspot-contacts
				destination: hubspot-main
				match:
				  forms: ["700000000000011"]
				fields:
				  email: {answer: email, transforms: [trim, lower], required: true}
				  firstname: {answer: full_name, transforms: [{split_name: first}]}
				  lastname: {answer: full_name, transforms: [{split_name: last}]}
				  roof: {answer: roof}
				  leadrelay_test: {meta: is_test}
				""", "admin");
	}

	@Test
	void aTestLeadIsStoredAsATestAndReachesHubSpotWithTheExactPayload() throws Exception {
		hubspot.stubFor(post(UPSERT).willReturn(okJson(created("512"))));

		JsonNode result = send("{\"answers\":{\"roof\":\"flat\"}}", 200);

		String leadgenId = result.get("leadgenId").asText();
		assertThat(leadgenId).matches("test-[0-9a-f]{16}");
		assertThat(result.get("test").asBoolean()).isTrue();
		assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("delivered");
		assertThat(result.get("outcome").asText()).isEqualTo("delivered");
		assertThat(result.get("httpStatus").asInt()).isEqualTo(200);
		assertThat(result.get("crmRecordId").asText()).isEqualTo("512");
		assertThat(result.get("payload")).isEqualTo(this.json.readTree("""
				{"email":"leadrelay-test@example.com","firstname":"Test","lastname":"Lead","roof":"flat",
				 "leadrelay_test":"true"}"""));
		hubspot.verify(1,
				postRequestedFor(urlPathEqualTo(UPSERT)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
					.withRequestBody(equalToJson("""
							{"inputs":[{"idProperty":"email","id":"leadrelay-test@example.com",
							  "objectWriteTraceId":"leadrelay-%s-hubspot-main",
							  "properties":{"email":"leadrelay-test@example.com","firstname":"Test","lastname":"Lead",
							    "roof":"flat","leadrelay_test":"true"}}]}""".formatted(leadgenId))));
		assertThat(this.jdbc.queryForObject("SELECT test FROM lead WHERE leadgen_id = ?", Boolean.class, leadgenId))
			.isTrue();
		assertThat(
				this.jdbc.queryForObject("SELECT status FROM lead_event WHERE leadgen_id = ?", String.class, leadgenId))
			.isEqualTo("mapped");
		assertThat(this.jdbc.queryForList("SELECT outcome FROM delivery_attempt", String.class))
			.containsExactly("delivered");
		assertThat(this.jdbc.queryForList(
				"SELECT action FROM audit_event WHERE subject_type = 'lead' AND subject_id = ? ORDER BY id",
				String.class, leadgenId))
			.containsExactly("lead_event.received", "lead.test_sent", "delivery.pending", "delivery.delivered");

		JsonNode lead = this.json.readTree(this.client.get("/api/v1/leads/" + leadgenId, "admin", PASSWORD).body());
		assertThat(lead.get("test").asBoolean()).isTrue();
		assertThat(lead.get("deliveries").get(0).get("status").asText()).isEqualTo("delivered");
		assertThat(this.json
			.readTree(this.client.get("/api/v1/leads/" + leadgenId + "/timeline", "admin", PASSWORD).body())
			.findValuesAsText("description")).contains("Test lead (not a real person) made by admin",
					"Delivered to HubSpot on try 1 (the CRM answered HTTP 200)");

		String second = send("{}", 200).get("leadgenId").asText();
		assertThat(second).isNotEqualTo(leadgenId);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead WHERE test = TRUE", Integer.class)).isEqualTo(2);
		hubspot.verify(2, postRequestedFor(urlPathEqualTo(UPSERT)));
		JsonNode listed = this.json.readTree(this.client.get("/api/v1/leads", "admin", PASSWORD).body());
		assertThat(listed.get("items").findValuesAsText("test")).containsExactly("true", "true");
	}

	@Test
	void theCrmsRefusalIsToldInItsOwnWords() throws Exception {
		hubspot.stubFor(post(UPSERT)
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"status":"error","message":"Property values were not valid: roof is not a known property",
					 "category":"VALIDATION_ERROR","correlationId":"c-1"}""")));

		JsonNode result = send("{}", 200);

		assertThat(result.get("status").asText()).isEqualTo("dead");
		assertThat(result.get("outcome").asText()).isEqualTo("rejected");
		assertThat(result.get("httpStatus").asInt()).isEqualTo(400);
		assertThat(result.get("message").asText()).contains("roof is not a known property");
		String leadgenId = result.get("leadgenId").asText();
		assertThat(
				this.jdbc.queryForObject("SELECT status FROM delivery WHERE leadgen_id = ?", String.class, leadgenId))
			.isEqualTo("dead");
	}

	@Test
	void answersToNoQuestionOrNotTextAreRefusedNamingTheAnswer() throws Exception {
		HttpResponse<String> unknown = this.client.call("POST", "/api/v1/mappings/hubspot-contacts/test-lead",
				"{\"answers\":{\"shoe_size\":\"42\"}}", "admin", PASSWORD);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(unknown.body()).get("field").asText()).isEqualTo("answers.shoe_size");
		assertThat(unknown.body()).contains("full_name");

		HttpResponse<String> notText = this.client.call("POST", "/api/v1/mappings/hubspot-contacts/test-lead",
				"{\"answers\":{\"email\":42}}", "admin", PASSWORD);
		assertThat(notText.statusCode()).isEqualTo(400);

		HttpResponse<String> unknownField = this.client.call("POST", "/api/v1/mappings/hubspot-contacts/test-lead",
				"{\"answer\":{}}", "admin", PASSWORD);
		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(unknownField.body()).get("field").asText()).isEqualTo("answer");

		assertThat(this.client.call("POST", "/api/v1/mappings/no-such-mapping/test-lead", "{}", "admin", PASSWORD)
			.statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead", Integer.class)).isZero();
		hubspot.verify(0, postRequestedFor(urlPathEqualTo(UPSERT)));
	}

	@Test
	void aMappingWithoutAFormAsksTheAnswersItReads() throws Exception {
		this.mappings.create("""
				id: no-form
				destination: hubspot-main
				enabled: false
				fields:
				  email: {answer: work_email, required: true}
				  note: {template: "{{budget}} via {{campaign_name}}"}
				""", "admin");
		hubspot.stubFor(post(UPSERT).willReturn(okJson(created("513"))));

		JsonNode result = send("/api/v1/mappings/no-form/test-lead", "{\"answers\":{\"budget\":\"5k\"}}", 200);

		assertThat(result.get("payload")).isEqualTo(this.json.readTree("""
				{"email":"leadrelay-test@example.com","note":"5k via"}"""));
	}

	@Test
	void aTestLeadAgreesToEveryConsentItsMappingReads() throws Exception {
		this.mappings.create("""
				id: marketing
				destination: hubspot-main
				enabled: false
				match:
				  when: {all: [{consent: marketing_optin}, {field: consent.newsletter, equals: "true"}]}
				fields:
				  email: {answer: email, required: true}
				  optin: {meta: consent.marketing_optin}
				""", "admin");
		hubspot.stubFor(post(UPSERT).willReturn(okJson(created("514"))));

		JsonNode result = send("/api/v1/mappings/marketing/test-lead", "{}", 200);

		assertThat(result.get("payload")).isEqualTo(this.json.readTree("""
				{"email":"leadrelay-test@example.com","optin":"true"}"""));
		assertThat(this.json.readTree(this.jdbc.queryForObject("SELECT consents FROM lead WHERE leadgen_id = ?",
				String.class, result.get("leadgenId").asText())))
			.isEqualTo(this.json.readTree("{\"marketing_optin\":true,\"newsletter\":true}"));
	}

	private JsonNode send(String body, int status) throws Exception {
		return send("/api/v1/mappings/hubspot-contacts/test-lead", body, status);
	}

	private JsonNode send(String path, String body, int status) throws Exception {
		HttpResponse<String> response = this.client.call("POST", path, body, "admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

	private static String created(String id) {
		return """
				{"status":"COMPLETE","results":[{"id":"%s","new":true,"properties":{"email":"leadrelay-test@example.com"},"createdAt":"2026-11-23T10:00:01Z",
				  "updatedAt":"2026-11-23T10:00:01Z","archived":false}],
				 "startedAt":"2026-11-23T10:00:01Z","completedAt":"2026-11-23T10:00:01Z"}"""
			.formatted(id);
	}

}
