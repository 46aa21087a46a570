package io.leadrelay.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.GraphBatchStandIn;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline end to end: a signed webhook, the lead served by WireMock as the Graph
 * API, a mapping file, and what ends up as deliveries (left unsent: the delivery engine
 * is off here). Run on H2 and PostgreSQL.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.pipeline.poll-interval=200ms" })
abstract class PipelineIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String SECRET = LeadRelayIntegrationTest.APP_SECRET;

	static final String PAGE = LeadgenPayloads.PAGE_ID;

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(new GraphBatchStandIn()))
		.build();

	@DynamicPropertySource
	static void graphAndMappings(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
		registry.add("leadrelay.mapping.directory", PipelineIntegrationTests::mappingDirectory);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void pageDestinationAndGraph() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAllButMappings(this.jdbc, "contacts");
		graph.resetAll();
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/700000000000011"))
			.willReturn(okJson("{\"id\":\"700000000000011\",\"name\":\"Solar quote form\",\"questions\":[]}")));
		admin("POST", "/api/v1/destinations", """
				{"id":"hubspot-main","name":"HubSpot","type":"hubspot","credentials":{"accessToken":"pat-x"}}""");
		admin("POST", "/api/v1/pages", "{\"pageId\":\"" + PAGE + "\",\"name\":\"Acme\",\"accessToken\":\"EAAG-1\"}");
	}

	@Test
	void turnsASignedWebhookIntoADeliveryWithTheMappedPayload() throws Exception {
		serveLead("920000000000601", "Ana Maria LOPEZ", " Ana@Example.com ");
		webhook("920000000000601");
		String payload = awaitDelivery("920000000000601", "pending");
		JsonNode fields = this.json.readTree(payload);
		assertThat(fields.get("email").asText()).isEqualTo("ana@example.com");
		assertThat(fields.get("firstname").asText()).isEqualTo("Ana Maria");
		assertThat(fields.get("lastname").asText()).isEqualTo("Lopez");
		assertThat(fields.get("phone").asText()).isEqualTo("+49301234567");
		assertThat(fields.get("source").asText()).isEqualTo("Spring 2026 / Solar quote form");
		assertThat(eventStatus("920000000000601")).isEqualTo("mapped");
		assertThat(
				this.jdbc.queryForObject("SELECT answers FROM lead WHERE leadgen_id = '920000000000601'", String.class))
			.contains("Ana@Example.com");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = '920000000000601' "
				+ "AND subject_type = 'lead' ORDER BY id", String.class))
			.containsExactly("lead_event.received", "lead.enriching", "delivery.pending", "lead.mapped");
		assertThat(this.jdbc.queryForList("SELECT details FROM audit_event WHERE subject_id = '920000000000601'",
				String.class))
			.noneMatch((details) -> details != null && details.contains("Ana"));
	}

	@Test
	void startsADeliveryDeadWhenARequiredFieldIsMissing() {
		serveLead("920000000000602", "Ana Lopez", "");
		webhook("920000000000602");
		awaitDelivery("920000000000602", "dead");
		assertThat(this.jdbc.queryForObject("SELECT last_error FROM delivery WHERE leadgen_id = '920000000000602'",
				String.class))
			.isEqualTo("email is required, but the answer 'email' is empty");
	}

	@Test
	void filtersALeadNoMappingTakes() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/920000000000603")).willReturn(okJson("""
				{"id":"920000000000603","created_time":"2026-11-20T10:00:00+0000","form_id":"700000000000099",
				 "field_data":[{"name":"email","values":["x@example.com"]}]}""")));
		webhook("920000000000603");
		await().atMost(Duration.ofSeconds(10)).until(() -> "filtered".equals(eventStatus("920000000000603")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Integer.class)).isZero();
	}

	@Test
	void parksALeadWhoseTokenWasRevokedAndResumesItWithTheNewToken() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/920000000000604")).willReturn(status(400).withBody(
				"{\"error\":{\"message\":\"Error validating access token: The user has not authorized application\","
						+ "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":458}}")));
		webhook("920000000000604");
		await().atMost(Duration.ofSeconds(10)).until(() -> "needs_token".equals(eventStatus("920000000000604")));
		assertThat(this.jdbc.queryForObject("SELECT token_status FROM page", String.class)).isEqualTo("needs_token");
		serveLead("920000000000604", "Ana Lopez", "ana@example.com");
		admin("PUT", "/api/v1/pages/" + PAGE, "{\"accessToken\":\"EAAG-2\"}");
		awaitDelivery("920000000000604", "pending");
		assertThat(eventStatus("920000000000604")).isEqualTo("mapped");
	}

	@Test
	void mapsEachLeadWithTheMappingVersionCurrentWhenItArrives() throws Exception {
		// A destination of its own: hubspot-main takes the enabled mapping 'contacts'.
		admin("POST", "/api/v1/destinations", """
				{"id":"hubspot-callbacks","name":"HubSpot","type":"hubspot","credentials":{"accessToken":"pat-y"}}""");
		String callback = """
				id: callbacks
				destination: hubspot-callbacks
				match:
				  forms: ["700000000000022"]
				fields:
				  email: {answer: email, transforms: [lower]}
				  topic: {constant: first}
				""";
		assertThat(this.client.call("POST", "/api/v1/mappings", "application/yaml", callback, "admin", PASSWORD)
			.statusCode()).isEqualTo(201);
		serveLead("920000000000611", "Ana Lopez", "Ana@example.com", "700000000000022");
		webhook("920000000000611");
		assertThat(awaitDelivery("920000000000611", "pending", "hubspot-callbacks"))
			.isEqualTo("{\"email\":\"ana@example.com\",\"topic\":\"first\"}");

		assertThat(this.client
			.call("PUT", "/api/v1/mappings/callbacks", "application/yaml",
					callback.replace("constant: first", "constant: second"), "admin", PASSWORD)
			.statusCode()).isEqualTo(200);
		serveLead("920000000000612", "Ben Ode", "ben@example.com", "700000000000022");
		webhook("920000000000612");
		assertThat(awaitDelivery("920000000000612", "pending", "hubspot-callbacks")).contains("\"topic\":\"second\"");
		assertThat(this.jdbc.queryForList(
				"SELECT mapping_id || ' v' || mapping_version FROM delivery WHERE leadgen_id IN (?, ?) ORDER BY leadgen_id",
				String.class, "920000000000611", "920000000000612"))
			.containsExactly("callbacks v1", "callbacks v2");
	}

	@Test
	void mapsSeveralLeadsOfAPageReadInOneBatch() {
		List<String> ids = List.of("920000000000621", "920000000000622", "920000000000623");
		ids.forEach((id) -> serveLead(id, "Ana Lopez", id + "@example.com"));
		assertThat(this.client.postSigned(SECRET, LeadgenPayloads.notification(ids)).statusCode()).isEqualTo(200);
		ids.forEach((id) -> awaitDelivery(id, "pending"));
		assertThat(ids).allMatch((id) -> "mapped".equals(eventStatus(id)));
		graph.verify(moreThanOrExactly(1), postRequestedFor(urlPathEqualTo("/v26.0/")));
	}

	private void serveLead(String leadgenId, String name, String email) {
		serveLead(leadgenId, name, email, "700000000000011");
	}

	private void serveLead(String leadgenId, String name, String email, String formId) {
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + leadgenId)).willReturn(okJson("""
				{"id":"%s","created_time":"2026-11-20T10:00:00+0000","form_id":"%s",
				 "campaign_id":"238000000000044","campaign_name":"Spring 2026","platform":"fb","is_organic":false,
				 "field_data":[{"name":"full_name","values":["%s"]},{"name":"email","values":["%s"]},
				   {"name":"phone_number","values":["030 1234567"]}]}""".formatted(leadgenId, formId, name, email))));
	}

	private void webhook(String leadgenId) {
		assertThat(this.client.postSigned(SECRET, LeadgenPayloads.notification(leadgenId)).statusCode()).isEqualTo(200);
	}

	private String awaitDelivery(String leadgenId, String status) {
		return awaitDelivery(leadgenId, status, "hubspot-main");
	}

	private String awaitDelivery(String leadgenId, String status, String destinationId) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM delivery WHERE leadgen_id = ? AND status = ? AND destination_id = ?",
					Integer.class, leadgenId, status, destinationId) == 1);
		return this.jdbc.queryForObject("SELECT payload FROM delivery WHERE leadgen_id = ?", String.class, leadgenId);
	}

	private String eventStatus(String leadgenId) {
		return this.jdbc.queryForObject("SELECT status FROM lead_event WHERE leadgen_id = ?", String.class, leadgenId);
	}

	private void admin(String method, String path, String body) {
		assertThat(this.client.call(method, path, body, "admin", PASSWORD).statusCode()).isBetween(200, 201);
	}

	private static String mappingDirectory() {
		try {
			Path directory = Files.createTempDirectory("mappings");
			Files.writeString(directory.resolve("contacts.yaml"), """
					id: contacts
					destination: hubspot-main
					match:
					  forms: ["700000000000011"]
					fields:
					  email:
					    answer: email
					    transforms: [trim, lower]
					    required: true
					  firstname:
					    answer: full_name
					    transforms: [{split_name: first}, title]
					  lastname:
					    answer: full_name
					    transforms: [{split_name: last}, title]
					  phone:
					    answer: phone_number
					    transforms: [{e164: DE}]
					  source:
					    template: "{{campaign_name}} / {{form_name}}"
					""");
			return directory.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
