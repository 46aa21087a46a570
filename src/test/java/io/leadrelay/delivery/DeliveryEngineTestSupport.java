package io.leadrelay.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.GraphBatchStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the delivery engine's end-to-end tests share: WireMock as the Graph API and as the
 * CRM behind a signed-webhook destination, a page, the {@code contacts} mapping, and the
 * steps that send a lead and wait for its delivery.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.delivery.enabled=true",
		"leadrelay.pipeline.poll-interval=200ms", "leadrelay.delivery.poll-interval=100ms",
		"leadrelay.delivery.retry-schedule=300ms", "leadrelay.delivery.circuit-breaker.open-for=1s",
		"leadrelay.example-route.directory=target/delivery-engine-route-files" })
abstract class DeliveryEngineTestSupport {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String SECRET = LeadRelayIntegrationTest.APP_SECRET;

	static final String SIGNING_SECRET = "whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz";

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@RegisterExtension
	static WireMockExtension crm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void graphAndMappings(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
		registry.add("leadrelay.mapping.directory", DeliveryEngineTestSupport::mappingDirectory);
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
		crm.resetAll();
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		admin("POST", "/api/v1/destinations", """
				{"id":"crm-hook","name":"CRM","type":"webhook","settings":{"url":"%s/leads"},
				 "credentials":{"signingSecret":"%s"}}""".formatted(crm.baseUrl(), SIGNING_SECRET));
		admin("POST", "/api/v1/pages",
				"{\"pageId\":\"" + LeadgenPayloads.PAGE_ID + "\",\"name\":\"Acme\",\"accessToken\":\"EAAG-1\"}");
	}

	static final String CONTACTS = """
			id: contacts
			destination: crm-hook
			fields:
			  email: {answer: email, transforms: [trim, lower], required: true}
			  campaign: {meta: campaign_name}
			""";

	void lead(String leadgenId, String email) {
		lead(leadgenId, email, "700000000000011");
	}

	void lead(String leadgenId, String email, String formId) {
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + leadgenId)).willReturn(okJson("""
				{"id":"%s","created_time":"2026-11-20T10:00:00+0000","form_id":"%s",
				 "campaign_name":"Spring 2026","platform":"fb","is_organic":false,
				 "field_data":[{"name":"email","values":["%s"]},{"name":"phone_number","values":["030 1234567"]}]}"""
			.formatted(leadgenId, formId, email))));
		assertThat(this.client.postSigned(SECRET, LeadgenPayloads.notification(leadgenId)).statusCode()).isEqualTo(200);
	}

	String payloadTimestamp(LoggedRequest request) {
		try {
			return this.json.readTree(request.getBodyAsString()).path("timestamp").asText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void replay(long id, String body) {
		HttpResponse<String> replay = this.client.call("POST", "/api/v1/deliveries/" + id + "/replay", body, "admin",
				PASSWORD);
		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
	}

	void awaitStatus(String leadgenId, String status) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc
				.queryForList("SELECT status FROM delivery WHERE leadgen_id = ?", String.class, leadgenId)
				.contains(status));
	}

	List<String> attempts(String leadgenId) {
		return this.jdbc.queryForList("""
				SELECT a.outcome || ' ' || a.http_status FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id
				WHERE d.leadgen_id = ? ORDER BY a.id""", String.class, leadgenId);
	}

	void admin(String method, String path, String body) {
		HttpResponse<String> response = this.client.call(method, path, body, "admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}

	void admin(String method, String path, String contentType, String body) {
		HttpResponse<String> response = this.client.call(method, path, contentType, body, "admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}

	static String mappingDirectory() {
		try {
			Path directory = Files.createTempDirectory("mappings");
			Files.writeString(directory.resolve("contacts.yaml"), CONTACTS);
			return directory.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
