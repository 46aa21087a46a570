package io.leadrelay.delivery.salesforce;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code apiVersion} of a Salesforce destination is checked against
 * {@code GET /services/data}: of its login host when it is saved, of the org's instance
 * when it is tested. Two stand-ins: a login host on Winter '27 (68.0) and an org's
 * instance still on Summer '26 (67.0), as orgs move to a release over weeks.
 */
@LeadRelayIntegrationTest
class SalesforceApiVersionIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	@RegisterExtension
	static WireMockExtension login = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension instance = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void salesforce() {
		TableCleaner.deleteAll(this.jdbc);
		this.client = new WebhookClient(this.port);
		login.stubFor(get(urlPathEqualTo("/services/data")).willReturn(okJson(versionsUpTo(68))));
		instance.stubFor(get(urlPathEqualTo("/services/data")).willReturn(okJson(versionsUpTo(67))));
		login.stubFor(SalesforceFixtures.token("00Dxx!access", instance.baseUrl()));
		// As a real instance does: an API version it does not run is a resource it does
		// not have.
		instance.stubFor(patch(urlPathMatching("/services/data/v[0-9.]+/sobjects/Lead/.*"))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]")));
		instance.stubFor(
				patch(urlPathMatching("/services/data/v67.0/sobjects/Lead/.*")).willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"id\":\"00Q5g00000AbCdEAAV\",\"success\":true,\"errors\":[],\"created\":true}")));
	}

	@Test
	void savesTheCurrentVersionWhenNoneIsNamed() throws Exception {
		HttpResponse<String> saved = save(null, login.baseUrl());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		assertThat(this.json.readTree(saved.body()).at("/settings/apiVersion").asText()).isEqualTo("68.0");
	}

	@Test
	void refusesAVersionTheLoginHostDoesNotOfferNamingTheLatest() throws Exception {
		HttpResponse<String> refused = save("70.0", login.baseUrl());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.get("field").asText()).isEqualTo("settings.apiVersion");
		assertThat(problem.get("detail").asText()).isEqualTo("settings.apiVersion 70.0 is not offered by "
				+ login.baseUrl() + "; the latest API version it offers is 68.0");
	}

	@Test
	void savesWhenTheLoginHostCannotBeAskedAndLeavesItToTheTest() throws Exception {
		HttpResponse<String> saved = save("68.0", "http://127.0.0.1:" + closedPort());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
	}

	@Test
	void aTestRefusesAVersionTheOrgsInstanceDoesNotOfferYet() throws Exception {
		assertThat(save("68.0", login.baseUrl()).statusCode()).isEqualTo(201);
		HttpResponse<String> tested = this.client.call("POST", "/api/v1/destinations/salesforce-main/test", null,
				"admin", PASSWORD);
		assertThat(tested.statusCode()).as(tested.body()).isEqualTo(400);
		JsonNode problem = this.json.readTree(tested.body());
		assertThat(problem.get("field").asText()).isEqualTo("settings.apiVersion");
		assertThat(problem.get("detail").asText()).isEqualTo("settings.apiVersion 68.0 is not offered by "
				+ instance.baseUrl() + "; the latest API version it offers is 67.0");
		instance.verify(0, anyRequestedFor(urlPathMatching("/services/data/v.*")));
	}

	@Test
	void aTestWithAVersionTheInstanceOffersSendsTheTestLead() throws Exception {
		assertThat(save("67.0", login.baseUrl()).statusCode()).isEqualTo(201);
		HttpResponse<String> tested = this.client.call("POST", "/api/v1/destinations/salesforce-main/test", null,
				"admin", PASSWORD);
		assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
		assertThat(this.json.readTree(tested.body()).get("outcome").asText()).isEqualTo("delivered");
		instance.verify(1, anyRequestedFor(urlPathMatching("/services/data/v67.0/sobjects/Lead/.*")));
	}

	private HttpResponse<String> save(String apiVersion, String loginUrl) {
		String version = (apiVersion != null) ? ",\"apiVersion\":\"" + apiVersion + "\"" : "";
		return this.client.call("POST", "/api/v1/destinations", """
				{"id":"salesforce-main","name":"Salesforce","type":"salesforce",
				 "settings":{"loginUrl":"%s","authFlow":"client_credentials",
				             "externalIdField":"LeadRelay_Leadgen_Id__c"%s},
				 "credentials":{"clientId":"3MVG9client","clientSecret":"s3cr3t"}}""".formatted(loginUrl, version),
				"admin", PASSWORD);
	}

	/** Salesforce's list, Spring '14 (30.0) up to the given version. */
	private static String versionsUpTo(int latest) {
		StringBuilder list = new StringBuilder("[");
		for (int version = 30; version <= latest; version++) {
			list.append((version > 30) ? "," : "")
				.append("{\"label\":\"Release ")
				.append(version)
				.append("\",\"url\":\"/services/data/v")
				.append(version)
				.append(".0\",\"version\":\"")
				.append(version)
				.append(".0\"}");
		}
		return list.append("]").toString();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
