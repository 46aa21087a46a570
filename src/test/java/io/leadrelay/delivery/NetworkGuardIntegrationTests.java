package io.leadrelay.delivery;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine as it ships, with no network allowed ({@code allowed-networks} empty, unlike
 * the other tests): destinations at the host's own addresses are refused when saved and
 * when called, by every connector, even when a name rebinds to loopback after the save.
 * The stand-in receiver listens on {@code localhost}; the engine's resolver is the
 * test's, so that {@code localhost} can answer a public address at save.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = "leadrelay.delivery.allowed-networks=")
class NetworkGuardIntegrationTests {

	static final NetworkGuardTests.Rebinding resolver = new NetworkGuardTests.Rebinding("127.0.0.1");

	@RegisterExtension
	static WireMockExtension receiver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void empty() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		resolver.answer = "127.0.0.1";
		receiver.resetAll();
		receiver.stubFor(any(anyUrl()).willReturn(okJson("{}")));
	}

	@Test
	void refusesToSaveADestinationAtTheHostsOwnAddresses() throws Exception {
		assertRefused(webhook("http://127.0.0.1:" + receiver.getPort() + "/hook"), "settings.url",
				"settings.url points at a loopback address (127.0.0.1), which destinations may not reach; "
						+ "ops may allow it with leadrelay.delivery.allowed-networks");
		assertRefused(webhook(receiver.baseUrl() + "/hook"), "settings.url",
				"settings.url points at a loopback address (localhost resolves to 127.0.0.1), which destinations may "
						+ "not reach; ops may allow it with leadrelay.delivery.allowed-networks");
		assertRefused("""
				{"id":"hub","name":"H","type":"hubspot","settings":{"baseUrl":"http://169.254.169.254"},
				 "credentials":{"accessToken":"t"}}""", "settings.baseUrl",
				"settings.baseUrl points at a link-local address (169.254.169.254), which destinations may not reach; "
						+ "ops may allow it with leadrelay.delivery.allowed-networks");
		assertThat(receiver.getAllServeEvents()).isEmpty();
	}

	@Test
	void refusesTheCallWhenTheNameRebindsToLoopbackAfterTheSave() throws Exception {
		resolver.answer = "93.184.216.34";
		HttpResponse<String> saved = admin("POST", "/api/v1/destinations", webhook(receiver.baseUrl() + "/hook"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);

		resolver.answer = "127.0.0.1";
		HttpResponse<String> tested = admin("POST", "/api/v1/destinations/hook/test", "");

		JsonNode result = this.json.readTree(tested.body());
		assertThat(result.get("outcome").asText()).as(tested.body()).isEqualTo("rejected");
		assertThat(result.get("errorCode").asText()).isEqualTo("address_refused");
		assertThat(result.get("message").asText()).isEqualTo("The webhook was not called while sending the lead: "
				+ "the URL points at a loopback address (localhost resolves to 127.0.0.1), which destinations may not "
				+ "reach; ops may allow it with leadrelay.delivery.allowed-networks");
		assertThat(receiver.getAllServeEvents()).isEmpty();
	}

	@Test
	void everyConnectorOfTheEngineRefusesToCallLoopback() {
		String local = "http://127.0.0.1:" + receiver.getPort();
		Map<String, Map<String, String>> settings = Map.of("webhook", Map.of("url", local + "/hook"), "hubspot",
				Map.of("baseUrl", local), "pipedrive", Map.of("baseUrl", local), "salesforce",
				Map.of("loginUrl", local, "authFlow", "client_credentials", "externalIdField", "Lead_Id__c"));
		Map<String, String> credentials = Map.of("signingSecret", "whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz",
				"accessToken", "t", "apiToken", "t", "clientId", "c", "clientSecret", "s");
		Map<String, Connector> connectors = new TreeMap<>();
		this.context.getBeansOfType(Connector.class).values().forEach((c) -> connectors.put(c.code(), c));
		assertThat(connectors).containsKeys("webhook", "hubspot", "pipedrive", "salesforce");
		settings.forEach((type, given) -> {
			Connector connector = connectors.get(type);
			DeliveryOutcome outcome = connector
				.deliver(new DeliveryRequest(1, "920000000000999", type, given, credentials, connector.testPayload(),
						DeliveryRequest.idempotencyKey("920000000000999", type), true));
			assertThat(outcome).as(type)
				.isInstanceOfSatisfying(DeliveryOutcome.Permanent.class,
						(refused) -> assertThat(refused.errorCode()).isEqualTo(RefusedAddressException.ERROR_CODE));
			assertThat(outcome.message()).as(type).contains("points at a loopback address (127.0.0.1)");
		});
		assertThat(receiver.getAllServeEvents()).isEmpty();
	}

	private void assertRefused(String destination, String field, String message) throws Exception {
		HttpResponse<String> response = admin("POST", "/api/v1/destinations", destination);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(response.body()).contains("\"" + field + "\"");
		assertThat(problem.get("detail").asText()).isEqualTo(message);
	}

	private static String webhook(String url) {
		return """
				{"id":"hook","name":"Hook","type":"webhook","settings":{"url":"%s"},
				 "credentials":{"signingSecret":"whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz"}}""".formatted(url);
	}

	private HttpResponse<String> admin(String method, String path, String body) {
		return this.client.call(method, path, body, "admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Resolver {

		@Bean
		HostResolver rebindingResolver() {
			return resolver;
		}

	}

}
