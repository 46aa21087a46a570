package io.leadrelay.delivery.fields;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.destination.CrmField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HubSpotFieldReaderTests {

	static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final HubSpotFieldReader reader = new HubSpotFieldReader(new ObjectMapper(),
			new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));

	@Test
	void readsTheContactPropertiesWithTheAccessToken() {
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts"))
			.willReturn(okJson(RecordedAnswers.read("hubspot-properties.json"))));

		List<CrmField> fields = read(Map.of("baseUrl", hubspot.baseUrl() + "/", "idProperty", "email"));

		hubspot.verify(getRequestedFor(urlPathEqualTo("/crm/v3/properties/contacts")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
		assertThat(fields).extracting(CrmField::name)
			.as("required first, then writable by label, then set by HubSpot; hidden ones left out")
			.containsExactly("email", "firstname", "lastname", "lead_source_detail", "hs_lead_status", "phone",
					"createdate", "hs_analytics_num_visits");
		assertThat(fields.get(0)).isEqualTo(new CrmField("email", "Email", "string", true, false, List.of()));
		assertThat(byName(fields, "hs_lead_status")).isEqualTo(new CrmField("hs_lead_status", "Lead Status",
				"enumeration", false, false, List.of("NEW", "OPEN", "IN_PROGRESS")));
		assertThat(byName(fields, "phone").type()).isEqualTo("phone number");
		assertThat(byName(fields, "createdate").readOnly()).as("readOnlyValue").isTrue();
		assertThat(byName(fields, "hs_analytics_num_visits").readOnly()).as("calculated").isTrue();
		assertThat(fields).filteredOn(CrmField::required).extracting(CrmField::name).containsExactly("email");
	}

	@Test
	void theIdPropertyOfTheDestinationIsTheRequiredOne() {
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts"))
			.willReturn(okJson(RecordedAnswers.read("hubspot-properties.json"))));

		List<CrmField> fields = read(Map.of("baseUrl", hubspot.baseUrl(), "idProperty", "phone"));

		assertThat(fields).filteredOn(CrmField::required).extracting(CrmField::name).containsExactly("phone");
	}

	@Test
	void aRefusedTokenIsToldInHubSpotsWords() {
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"status":"error","message":"Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
							 "correlationId":"a5a8c5d8-5f5c-4a5e-9f0b-7d7c2a1b3c4d","category":"INVALID_AUTHENTICATION"}""")));

		assertThatExceptionOfType(FieldReadException.class).isThrownBy(() -> read(Map.of("baseUrl", hubspot.baseUrl())))
			.withMessageStartingWith("HubSpot answered HTTP 401: \"Authentication credentials not found.")
			.withMessageEndingWith("Check the destination's credentials: HubSpot did not accept them.")
			.withMessageNotContaining(TOKEN);
	}

	@Test
	void anUnreachableHubSpotIsSaid() {
		assertThatExceptionOfType(FieldReadException.class)
			.isThrownBy(() -> read(Map.of("baseUrl", "http://localhost:1")))
			.withMessage("HubSpot could not be reached while reading the contact properties: ConnectException.");
	}

	private List<CrmField> read(Map<String, String> settings) {
		return this.reader.read("hubspot-main", settings, Map.of("accessToken", TOKEN));
	}

	static CrmField byName(List<CrmField> fields, String name) {
		return fields.stream().filter((field) -> field.name().equals(name)).findFirst().orElseThrow();
	}

}
