package io.leadrelay.delivery;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.delivery.hubspot.HubSpotOpenApi;
import io.leadrelay.support.ApiSetup;
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

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
 * The whole way: a signed Meta webhook, WireMock as the Graph API serving the lead's
 * answers, a mapping file, and WireMock as HubSpot receiving the exact contact upsert,
 * which must follow HubSpot's OpenAPI document ({@link HubSpotOpenApi}).
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.delivery.enabled=true",
		"leadrelay.pipeline.poll-interval=200ms", "leadrelay.delivery.poll-interval=200ms" })
class HubSpotEndToEndIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String SECRET = LeadRelayIntegrationTest.APP_SECRET;

	static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void graphAndMappings(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
		registry.add("leadrelay.mapping.directory", HubSpotEndToEndIntegrationTests::mappingDirectory);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void upsertsTheWebhookLeadAsAHubSpotContactWithTheExactRequest() {
		WebhookClient client = new WebhookClient(this.port);
		ApiSetup.stubValidPageToken(graph);
		graph.stubFor(get(urlPathEqualTo("/v26.0/920000000000991")).willReturn(
				okJson("""
						{"id":"920000000000991","created_time":"2026-11-23T10:00:00+0000","form_id":"700000000000011",
						 "ad_name":"Solar DE","campaign_name":"Spring 2026","platform":"ig","is_organic":false,
						 "field_data":[{"name":"full_name","values":["ana MÜLLER"]},{"name":"email","values":[" Ana@Example.com "]},
						   {"name":"phone_number","values":["07911 123456"]}]}""")));
		hubspot.stubFor(post("/crm/v3/objects/contacts/batch/upsert").willReturn(
				okJson("""
						{"status":"COMPLETE","results":[{"id":"512","new":true,"objectWriteTraceId":"leadrelay-920000000000991-hubspot-main",
						  "properties":{"email":"ana@example.com"},"createdAt":"2026-11-23T10:00:01Z",
						  "updatedAt":"2026-11-23T10:00:01Z","archived":false}],
						 "startedAt":"2026-11-23T10:00:01Z","completedAt":"2026-11-23T10:00:01Z"}""")));
		ApiSetup.addHubSpot(client, "HubSpot", hubspot.baseUrl(), TOKEN);
		ApiSetup.addPage(client, "Acme", "EAAG-1");

		assertThat(client.postSigned(SECRET, LeadgenPayloads.notification("920000000000991")).statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.queryForList("SELECT status FROM delivery WHERE leadgen_id = '920000000000991'", String.class)
				.contains("delivered"));
		assertThat(this.jdbc.queryForList("SELECT status FROM lead_event", String.class)).containsExactly("mapped");
		hubspot.verify(1, postRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/batch/upsert"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withRequestBody(equalToJson(
					"""
							{"inputs":[{"idProperty":"email","id":"ana@example.com",
							  "objectWriteTraceId":"leadrelay-920000000000991-hubspot-main",
							  "properties":{"email":"ana@example.com","firstname":"Ana","lastname":"Müller",
							    "phone":"+447911123456","hs_lead_status":"NEW","lead_source_detail":"Spring 2026 / Solar DE (ig)"}}]}""")));
		assertThat(this.jdbc.queryForObject("SELECT crm_record_id FROM delivery WHERE leadgen_id = '920000000000991'",
				String.class))
			.isEqualTo("512");
		assertThat(HubSpotOpenApi.contactsV3().violations(hubspot.getAllServeEvents())).isEmpty();
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
				  hs_lead_status: {constant: NEW}
				  lead_source_detail: {template: "{{campaign_name}} / {{ad_name}} ({{platform}})"}
				""");
	}

}
