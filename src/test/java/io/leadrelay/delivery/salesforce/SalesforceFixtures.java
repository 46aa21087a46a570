package io.leadrelay.delivery.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.leadrelay.delivery.DeliveryRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Salesforce replies as protocols.md (section 7) gives them, and requests to send.
 */
final class SalesforceFixtures {

	static final String LEADGEN_ID = "920000000000001";

	static final String EXTERNAL_ID_FIELD = "LeadRelay_Leadgen_Id__c";

	static final String UPSERT_PATH = "/services/data/v62.0/sobjects/Lead/" + EXTERNAL_ID_FIELD + "/" + LEADGEN_ID;

	static final String TOKEN_PATH = "/services/oauth2/token";

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

	private SalesforceFixtures() {
	}

	static SalesforceConnector connector(Duration requestTimeout) {
		return new SalesforceConnector(new ObjectMapper(), CLOCK, Duration.ofSeconds(2), requestTimeout);
	}

	static String tokenBody(String accessToken, String instanceUrl) {
		return """
				{"access_token":"%s","instance_url":"%s",
				 "id":"https://login.salesforce.com/id/00Dxx0000000001AAA/005xx000000A1B2AAK",
				 "token_type":"Bearer","issued_at":"1767225600000","signature":"k7c2FsZXNmb3JjZQ==","scope":"api"}"""
			.formatted(accessToken, instanceUrl);
	}

	static MappingBuilder token(String accessToken, String instanceUrl) {
		return post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(tokenBody(accessToken, instanceUrl)));
	}

	static Map<String, String> clientCredentialsSettings(String loginUrl) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("loginUrl", loginUrl);
		settings.put("authFlow", "client_credentials");
		settings.put("externalIdField", EXTERNAL_ID_FIELD);
		settings.put("apiVersion", "62.0");
		return settings;
	}

	static DeliveryRequest request(String destinationId, Map<String, String> settings, Map<String, String> credentials,
			Map<String, String> payload) {
		return new DeliveryRequest(7L, LEADGEN_ID, destinationId, settings, credentials, payload,
				DeliveryRequest.idempotencyKey(LEADGEN_ID, destinationId), false);
	}

	static Map<String, String> payloadWithoutNames() {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("FirstName", "Ana");
		payload.put("Email", "ana@example.com");
		payload.put("LeadSource", "Facebook Lead Ads");
		return payload;
	}

}
