package io.leadrelay.delivery;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.ApiSetup;
import io.leadrelay.support.CapturedLogs;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TemporaryFolders;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.GraphBatchStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole run with failures, its log captured: the Graph API fails on one lead, HubSpot
 * refuses another with a reply that quotes the contact's email and name, and a third
 * fails its mapping. No answer of any lead appears in the log, and the errors kept with
 * the dead letters (shown in the API and the UI) say what HubSpot said without the lead's
 * values.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.delivery.enabled=true",
		"leadrelay.pipeline.poll-interval=200ms", "leadrelay.delivery.poll-interval=200ms" })
class PersonalDataStaysOutOfLogsIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String GRAPH_FAILS = "920000000000501";

	static final String CRM_REFUSES = "920000000000502";

	static final String MAPPING_FAILS = "920000000000503";

	/** Every answer of the leads, as Meta gives them and as the mapping makes them. */
	static final List<String> VALUES = List.of("Ana.Quoted@Example.com", "ana.quoted@example.com", "Anabel Quotington",
			"Anabel", "Quotington", "07911 123456", "+447911123456", "south-facing-roof-xyz",
			"Mara.Mapping@Example.com", "mara.mapping@example.com", "Mara Mappington", "Mappington", "no phone here 42",
			"north-facing-roof-xyz");

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void graphAndMappings(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
		registry.add("leadrelay.mapping.directory", PersonalDataStaysOutOfLogsIntegrationTests::mappingDirectory);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRunWithFailuresLogsNoAnswerAndKeepsTheCrmsErrorWithoutTheLeadsValues() throws Exception {
		WebhookClient client = new WebhookClient(this.port);
		stubGraphAndHubSpot();
		try (CapturedLogs logs = CapturedLogs.start()) {
			ApiSetup.addHubSpot(client, "HubSpot", hubspot.baseUrl(), "pat-na1-11111111-2222-3333-4444-555555555555");
			ApiSetup.addPage(client, "Acme", "EAAG-logs");

			assertThat(client
				.postSigned(LeadRelayIntegrationTest.APP_SECRET,
						LeadgenPayloads.notification(List.of(GRAPH_FAILS, CRM_REFUSES, MAPPING_FAILS)))
				.statusCode()).isEqualTo(200);

			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM delivery WHERE status = 'dead' AND leadgen_id IN (?, ?)", Integer.class,
						CRM_REFUSES, MAPPING_FAILS) == 2);
			graph.verify(getRequestedFor(urlPathEqualTo("/v26.0/" + GRAPH_FAILS)));
			assertThat(logs.size()).isPositive();
			String log = logs.text();
			for (String value : VALUES) {
				assertThat(log).as("the log holds %s", value).doesNotContainIgnoringCase(value);
			}
		}
		assertNoValueIsKeptInErrorsOrAudit();
		String kept = this.jdbc.queryForObject("SELECT last_error FROM delivery WHERE leadgen_id = ?", String.class,
				CRM_REFUSES);
		List<String> attempts = this.jdbc.queryForList(
				"SELECT a.message FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE d.leadgen_id = ?",
				String.class, CRM_REFUSES);
		JsonNode shown = new ObjectMapper()
			.readTree(client.get("/api/v1/deliveries?leadgenId=" + CRM_REFUSES, "admin", PASSWORD).body());
		String shownError = shown.findValue("lastError").asText();
		for (String error : List.of(kept, attempts.get(0), shownError)) {
			assertThat(error).contains("Property values were not valid", "is not a valid email address", "[redacted]",
					"contact", "south-facing roofs are supported");
			for (String value : VALUES) {
				assertThat(error).doesNotContainIgnoringCase(value);
			}
		}
		assertThat(shownError)
			.isEqualTo("Property values were not valid: [redacted] is not a valid email address for contact [redacted] "
					+ "([redacted], phone [redacted]); only south-facing roofs are supported");
	}

	private void assertNoValueIsKeptInErrorsOrAudit() {
		List<String> keptTexts = this.jdbc.queryForList("""
				SELECT last_error FROM delivery UNION ALL SELECT message FROM delivery_attempt
				UNION ALL SELECT last_error FROM lead_event UNION ALL SELECT details FROM audit_event""", String.class);
		assertThat(keptTexts).isNotEmpty();
		for (String value : VALUES) {
			assertThat(String.join("\n", keptTexts.stream().map(String::valueOf).toList()))
				.as("errors and audit details hold %s", value)
				.doesNotContainIgnoringCase(value);
		}
	}

	private static void stubGraphAndHubSpot() {
		ApiSetup.stubValidPageToken(graph);
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + GRAPH_FAILS)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\",\"code\":1}}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + CRM_REFUSES)).willReturn(okJson(lead(CRM_REFUSES,
				"Anabel Quotington", " Ana.Quoted@Example.com ", "07911 123456", "south-facing-roof-xyz"))));
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + MAPPING_FAILS)).willReturn(okJson(lead(MAPPING_FAILS,
				"Mara Mappington", "Mara.Mapping@Example.com", "no phone here 42", "north-facing-roof-xyz"))));
		hubspot.stubFor(post("/crm/v3/objects/contacts/batch/upsert").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"status":"error","category":"VALIDATION_ERROR","correlationId":"c0ffee",
							 "message":"Property values were not valid: ANA.QUOTED@EXAMPLE.COM is not a valid email address for contact Anabel Quotington (Quotington, phone +447911123456); only south-facing roofs are supported"}""")));
	}

	private static String lead(String id, String name, String email, String phone, String roof) {
		return """
				{"id":"%s","created_time":"2026-11-23T10:00:00+0000","form_id":"700000000000011",
				 "field_data":[{"name":"full_name","values":["%s"]},{"name":"email","values":["%s"]},
				   {"name":"phone_number","values":["%s"]},{"name":"roof_type","values":["%s"]}]}""".formatted(id, name,
				email, phone, roof);
	}

	private static String mappingDirectory() {
		return TemporaryFolders.withFile("mappings", "contacts.yaml", """
				id: hubspot-contacts
				destination: hubspot-main
				match:
				  forms: ["700000000000011"]
				fields:
				  email: {answer: email, transforms: [trim, lower], required: true}
				  firstname: {answer: full_name, transforms: [{split_name: first}, title]}
				  lastname: {answer: full_name, transforms: [{split_name: last}, title]}
				  phone: {answer: phone_number, transforms: [{e164: GB}]}
				  roof: {answer: roof_type}
				""");
	}

}
