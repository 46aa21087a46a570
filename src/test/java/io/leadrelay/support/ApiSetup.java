package io.leadrelay.support;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the end-to-end tests set up through the admin API before a lead arrives: a HubSpot
 * destination, the page of {@link LeadgenPayloads#PAGE_ID}, and a Graph API stand-in that
 * finds the page's token valid.
 */
public final class ApiSetup {

	private ApiSetup() {
	}

	/** Adds the destination {@code hubspot-main}, as admin. */
	public static void addHubSpot(WebhookClient client, String name, String baseUrl, String accessToken) {
		assertThat(client
			.call("POST", "/api/v1/destinations", """
					{"id":"hubspot-main","name":"%s","type":"hubspot","settings":{"baseUrl":"%s"},
					 "credentials":{"accessToken":"%s"}}""".formatted(name, baseUrl, accessToken), "admin",
					LeadRelayIntegrationTest.ADMIN_PASSWORD)
			.statusCode()).isEqualTo(201);
	}

	/** Adds the page of {@link LeadgenPayloads#PAGE_ID}, as admin. */
	public static void addPage(WebhookClient client, String name, String accessToken) {
		assertThat(client
			.call("POST", "/api/v1/pages",
					"{\"pageId\":\"" + LeadgenPayloads.PAGE_ID + "\",\"name\":\"" + name + "\",\"accessToken\":\""
							+ accessToken + "\"}",
					"admin", LeadRelayIntegrationTest.ADMIN_PASSWORD)
			.statusCode()).isEqualTo(201);
	}

	/**
	 * Meta's {@code debug_token} finds any page token valid, never expiring, with leads
	 * access.
	 */
	public static void stubValidPageToken(WireMockExtension graph) {
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
	}

}
