package io.leadrelay.delivery.fields;

import java.net.http.HttpResponse;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.destination.CrmField;
import io.leadrelay.destination.CrmFields;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.PageSession;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination's CRM fields on the whole engine, WireMock as HubSpot: read on the first
 * view of the fragment, kept, kept when a read fails, forgotten with the destination; a
 * webhook destination has no list; the API.
 */
@LeadRelayIntegrationTest
class FieldDiscoveryIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String PROPERTIES = "/crm/v3/properties/contacts";

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CrmFields kept;

	WebhookClient api;

	PageSession browser;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.api = new WebhookClient(this.port);
		this.browser = new PageSession(this.port);
		this.browser.signIn("admin", PASSWORD);
	}

	@Test
	void theFragmentReadsTheCrmOnFirstViewThenShowsWhatIsKept() {
		hubspot.stubFor(
				get(urlPathEqualTo(PROPERTIES)).willReturn(okJson(RecordedAnswers.read("hubspot-properties.json"))));
		addHubSpot();

		String fragment = this.browser.get("/destinations/hubspot-main/fields").body();
		this.browser.get("/destinations/hubspot-main/fields");

		hubspot.verify(1, getRequestedFor(urlPathEqualTo(PROPERTIES)));
		assertThat(fragment).startsWith("<div id=\"crm-fields\"").doesNotContain("<html");
		assertThat(fragment).contains("data-field=\"email\"")
			.contains("data-field=\"hs_lead_status\"")
			.doesNotContain("hs_searchable_calculated_phone_number")
			.contains(">Required</span>")
			.contains(">Set by the CRM</span>")
			.contains("read from the CRM")
			.contains("id=\"refresh-fields\"");
		assertThat(this.kept.of("hubspot-main")).extracting(CrmField::name).startsWith("email").hasSize(8);
	}

	@Test
	void aFailedReadKeepsTheFieldsAndSaysWhyInTheCrmsWords() {
		hubspot.stubFor(
				get(urlPathEqualTo(PROPERTIES)).willReturn(okJson(RecordedAnswers.read("hubspot-properties.json"))));
		addHubSpot();
		assertThat(this.api.call("POST", "/api/v1/destinations/hubspot-main/fields/refresh", "", "admin", PASSWORD)
			.statusCode()).isEqualTo(200);
		hubspot.stubFor(get(urlPathEqualTo(PROPERTIES)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"status\":\"error\",\"message\":\"The OAuth token used to make this call expired 2 day(s) ago.\","
							+ "\"category\":\"EXPIRED_AUTHENTICATION\"}")));

		HttpResponse<String> refused = this.api.call("POST", "/api/v1/destinations/hubspot-main/fields/refresh", "",
				"admin", PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(502);
		assertThat(refused.body()).contains("HubSpot answered HTTP 401")
			.contains("The OAuth token used to make this call expired 2 day(s) ago.");
		assertThat(this.kept.of("hubspot-main")).hasSize(8);

		String page = this.browser.get("/destinations/hubspot-main/fields").body();
		HttpResponse<String> fragment = this.browser
			.send(this.browser.request("/destinations/hubspot-main/fields/refresh")
				.header("HX-Request", "true")
				.header("X-CSRF-TOKEN", PageSession.csrfToken(page))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(fragment.body()).contains("expired 2 day(s) ago")
			.contains("The fields below are from the last read.")
			.contains("data-field=\"email\"");
	}

	@Test
	void theApiListsTheFieldsAndADeletedDestinationForgetsThem() {
		hubspot.stubFor(
				get(urlPathEqualTo(PROPERTIES)).willReturn(okJson(RecordedAnswers.read("hubspot-properties.json"))));
		addHubSpot();

		HttpResponse<String> listed = this.api.get("/api/v1/destinations/hubspot-main/fields", "admin", PASSWORD);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body())
			.contains("\"name\":\"email\",\"label\":\"Email\",\"type\":\"string\",\"required\":true")
			.contains("\"options\":[\"NEW\",\"OPEN\",\"IN_PROGRESS\"]");

		assertThat(this.api.call("DELETE", "/api/v1/destinations/hubspot-main", null, "admin", PASSWORD).statusCode())
			.isEqualTo(204);
		assertThat(this.kept.of("hubspot-main")).isEmpty();
	}

	@Test
	void aWebhookDestinationTakesAnyFieldName() {
		assertThat(this.api
			.call("POST", "/api/v1/destinations",
					"""
							{"id":"sales-crm","name":"Sales CRM","type":"webhook","settings":{"url":"%s/leads"},
							 "credentials":{"signingSecret":"whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz"}}"""
						.formatted(hubspot.baseUrl()),
					"admin", PASSWORD)
			.statusCode()).isEqualTo(201);

		assertThat(this.browser.get("/destinations/sales-crm/fields").body())
			.contains("This destination takes any field names")
			.doesNotContain("refresh-fields");
		assertThat(this.api.get("/api/v1/destinations/sales-crm/fields", "admin", PASSWORD).body())
			.contains("\"anyFieldName\":true");
		assertThat(this.browser.get("/destinations/nobody/fields").statusCode()).isEqualTo(404);
		assertThat(this.kept.of("sales-crm")).isEqualTo(List.of());
	}

	private void addHubSpot() {
		assertThat(this.api
			.call("POST", "/api/v1/destinations",
					"""
							{"id":"hubspot-main","name":"HubSpot","type":"hubspot","settings":{"baseUrl":"%s"},
							 "credentials":{"accessToken":"pat-na1-11111111-2222-3333-4444-555555555555"}}"""
						.formatted(hubspot.baseUrl()),
					"admin", PASSWORD)
			.statusCode()).isEqualTo(201);
	}

}
