package io.leadrelay.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline reads a page's leads of a claim in one Graph API batch request, and each
 * lead still ends on its own: mapped, failed, parked or retried. A crashed engine's leads
 * come back after their lease.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.pipeline.poll-interval=200ms" })
class PipelineBatchReadsIntegrationTests {

	static final String PAGE = LeadgenPayloads.PAGE_ID;

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void graphAndMappings(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
		registry.add("leadrelay.mapping.directory", PipelineBatchReadsIntegrationTests::mappingDirectory);
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
	void readsFiftyLeadsOfOnePageInOneGraphCall() {
		List<String> ids = ids(700, 50);
		ArrayNode answer = this.json.createArrayNode();
		ids.forEach((id) -> item(answer, 200, lead(id)));
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(okJson(answer.toString())));

		webhook(ids);

		await().atMost(Duration.ofSeconds(15)).until(() -> count("status = 'mapped'") == 50);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Integer.class)).isEqualTo(50);
		graph.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/")));
		graph.verify(0, getRequestedFor(urlPathMatching("/v26.0/9200.*")));
	}

	@Test
	void aDeletedLeadFailsAloneAndATimedOutOneIsRetriedAlone() {
		List<String> ids = ids(720, 3);
		ArrayNode answer = this.json.createArrayNode();
		item(answer, 200, lead(ids.get(0)));
		item(answer, 400, "{\"error\":{\"message\":\"Unsupported get request. Object does not exist\","
				+ "\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}");
		answer.addNull();
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(okJson(answer.toString())));

		webhook(ids);

		await().atMost(Duration.ofSeconds(15)).until(() -> "failed".equals(eventStatus(ids.get(1))));
		await().until(() -> "mapped".equals(eventStatus(ids.get(0))));
		assertThat(this.jdbc.queryForObject("SELECT last_error FROM lead_event WHERE leadgen_id = ?", String.class,
				ids.get(1)))
			.contains("Graph API error 100/33");
		await()
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM lead_event WHERE leadgen_id = ? AND status = 'enriching' AND attempts = 1 "
							+ "AND next_attempt_at IS NOT NULL AND claimed_by IS NULL",
					Integer.class, ids.get(2)) == 1);
	}

	@Test
	void aTokenErrorOfTheWholeCallParksAllOfThePagesLeads() {
		List<String> ids = ids(740, 3);
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(status(400).withBody(
				"{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}")));

		webhook(ids);

		await().atMost(Duration.ofSeconds(15)).until(() -> count("status = 'needs_token'") == 3);
		assertThat(this.jdbc.queryForObject("SELECT token_status FROM page", String.class)).isEqualTo("needs_token");
		graph.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/")));
	}

	@Test
	void bringsBackTheLeadsOfACrashedEngineWhenTheirLeaseEnds() {
		List<String> ids = ids(760, 2);
		ArrayNode answer = this.json.createArrayNode();
		ids.forEach((id) -> item(answer, 200, lead(id)));
		graph.stubFor(post(urlPathEqualTo("/v26.0/")).willReturn(okJson(answer.toString())));
		// Claimed by an engine that died with them: their lease runs a second more.
		OffsetDateTime leaseEnds = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
		ids.forEach((id) -> this.jdbc.update("""
				INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value,
				    claimed_by, claimed_until)
				VALUES (?, ?, '700000000000011', ?, 'webhook', 'enriching', '{}', 'dead-engine', ?)""", id, PAGE,
				OffsetDateTime.now(ZoneOffset.UTC), leaseEnds));

		await().atMost(Duration.ofSeconds(15)).until(() -> count("status = 'mapped'") == 2);
		assertThat(OffsetDateTime.now(ZoneOffset.UTC)).isAfter(leaseEnds);
		graph.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/")));
	}

	private long count(String where) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event WHERE " + where, Long.class);
	}

	private String eventStatus(String leadgenId) {
		return this.jdbc.queryForObject("SELECT status FROM lead_event WHERE leadgen_id = ?", String.class, leadgenId);
	}

	private void item(ArrayNode answer, int code, String body) {
		answer.addObject().put("code", code).put("body", body);
	}

	private static String lead(String leadgenId) {
		return """
				{"id":"%s","created_time":"2026-11-20T10:00:00+0000","form_id":"700000000000011",
				 "campaign_id":"238000000000044","campaign_name":"Spring 2026","platform":"fb","is_organic":false,
				 "field_data":[{"name":"email","values":["%s@example.com"]}]}""".formatted(leadgenId, leadgenId);
	}

	private static List<String> ids(int from, int count) {
		return IntStream.range(from, from + count).mapToObj((i) -> "920000000000" + i).toList();
	}

	private void webhook(List<String> ids) {
		assertThat(this.client.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification(ids))
			.statusCode()).isEqualTo(200);
	}

	private void admin(String method, String path, String body) {
		assertThat(this.client.call(method, path, body, "admin", LeadRelayIntegrationTest.ADMIN_PASSWORD).statusCode())
			.isBetween(200, 201);
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
					  email: {answer: email, required: true}
					""");
			return directory.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
