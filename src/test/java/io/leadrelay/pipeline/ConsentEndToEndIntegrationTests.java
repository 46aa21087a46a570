package io.leadrelay.pipeline;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.ApiSetup;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TemporaryFolders;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.PageSession;
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

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consent kept with the lead, the whole way: WireMock as the Graph API serves two leads
 * whose form asks for marketing consent, one ticked and one not; both are stored with
 * their checkboxes and show them on their page and in the API, and a mapping that sends
 * only leads that agreed to marketing sends the one to WireMock as HubSpot and skips the
 * other.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.delivery.enabled=true",
		"leadrelay.pipeline.poll-interval=200ms", "leadrelay.delivery.poll-interval=200ms" })
class ConsentEndToEndIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String AGREED = "920000000000801";

	static final String DECLINED = "920000000000802";

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void graphAndMappings(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
		registry.add("leadrelay.mapping.directory", ConsentEndToEndIntegrationTests::mappingDirectory);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void sendsOnlyTheLeadThatAgreedToMarketingAndKeepsAndShowsEveryConsent() throws IOException {
		WebhookClient client = new WebhookClient(this.port);
		ApiSetup.stubValidPageToken(graph);
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + AGREED)).willReturn(okJson(lead(AGREED, "ana@example.com", "1"))));
		graph.stubFor(
				get(urlPathEqualTo("/v26.0/" + DECLINED)).willReturn(okJson(lead(DECLINED, "bo@example.com", "0"))));
		hubspot.stubFor(post("/crm/v3/objects/contacts/batch/upsert").willReturn(okJson("""
				{"status":"COMPLETE","results":[{"id":"512","new":true,
				  "objectWriteTraceId":"leadrelay-920000000000801-hubspot-main","properties":{}}]}""")));
		ApiSetup.addHubSpot(client, "HubSpot", hubspot.baseUrl(), "pat-na1-1");
		ApiSetup.addPage(client, "Acme", "EAAG-1");

		assertThat(client
			.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification(List.of(AGREED, DECLINED)))
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.queryForList("SELECT status FROM delivery", String.class).contains("delivered")
					&& "filtered".equals(status(DECLINED)));

		assertThat(this.json.readTree(consents(AGREED)))
			.isEqualTo(this.json.readTree("{\"marketing_optin\":true,\"terms\":true}"));
		assertThat(this.json.readTree(consents(DECLINED)))
			.isEqualTo(this.json.readTree("{\"marketing_optin\":false,\"terms\":true}"));
		assertThat(this.jdbc.queryForList("SELECT leadgen_id FROM delivery", String.class)).containsExactly(AGREED);
		hubspot.verify(1, postRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/batch/upsert"))
			.withRequestBody(equalToJson("""
					{"inputs":[{"idProperty":"email","id":"ana@example.com",
					  "objectWriteTraceId":"leadrelay-920000000000801-hubspot-main",
					  "properties":{"email":"ana@example.com","marketing_optin":"true"}}]}""")));

		PageSession browser = new PageSession(this.port);
		browser.signIn("admin", PASSWORD);
		HttpResponse<String> page = browser.get("/leads/" + DECLINED);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"consent-title\">Consent</h2>")
			.containsPattern("data-consent=\"marketing_optin\">\\s*<span class=\"badge text-bg-secondary\">not agreed")
			.containsPattern("data-consent=\"terms\">\\s*<span class=\"badge text-bg-success\">agreed");
		JsonNode api = this.json.readTree(client.get("/api/v1/leads/" + AGREED, "admin", PASSWORD).body());
		assertThat(api.path("consents")).isEqualTo(this.json.readTree("{\"marketing_optin\":true,\"terms\":true}"));
	}

	private String status(String leadgenId) {
		return this.jdbc.queryForList("SELECT status FROM lead_event WHERE leadgen_id = ?", String.class, leadgenId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private String consents(String leadgenId) {
		return this.jdbc.queryForObject("SELECT consents FROM lead WHERE leadgen_id = ?", String.class, leadgenId);
	}

	private static String lead(String leadgenId, String email, String marketing) {
		return """
				{"id":"%s","created_time":"2026-11-23T10:00:00+0000","form_id":"700000000000011",
				 "platform":"fb","is_organic":true,
				 "field_data":[{"name":"email","values":["%s"]}],
				 "custom_disclaimer_responses":[{"checkbox_key":"marketing_optin","is_checked":"%s"},
				   {"checkbox_key":"terms","is_checked":"1"}]}""".formatted(leadgenId, email, marketing);
	}

	private static String mappingDirectory() {
		return TemporaryFolders.withFile("mappings", "marketing.yaml", """
				id: marketing-contacts
				destination: hubspot-main
				match:
				  forms: ["700000000000011"]
				  when: {consent: marketing_optin}
				fields:
				  email: {answer: email, required: true}
				  marketing_optin: {meta: consent.marketing_optin}
				""");
	}

}
