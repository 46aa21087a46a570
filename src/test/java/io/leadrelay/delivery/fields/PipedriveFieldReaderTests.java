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

class PipedriveFieldReaderTests {

	static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

	static final String INTERESTED_IN = "5f1c0d9b4e6a7c2e3f8a1b0c9d8e7f6a5b4c3d2e";

	static final String CONTACT_TIME = "9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3";

	@RegisterExtension
	static WireMockExtension pipedrive = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	final PipedriveFieldReader reader = new PipedriveFieldReader(new ObjectMapper(),
			new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));

	@Test
	void readsThePersonFieldsPageAfterPage() {
		pipedrive.stubFor(get(urlPathEqualTo("/api/v1/personFields")).withQueryParam("start", equalTo("0"))
			.withQueryParam("limit", equalTo("100"))
			.willReturn(okJson(RecordedAnswers.read("pipedrive-person-fields.json"))));
		pipedrive.stubFor(get(urlPathEqualTo("/api/v1/personFields")).withQueryParam("start", equalTo("100"))
			.willReturn(okJson(RecordedAnswers.read("pipedrive-person-fields-page2.json"))));

		List<CrmField> fields = read();

		pipedrive.verify(2,
				getRequestedFor(urlPathEqualTo("/api/v1/personFields")).withHeader("x-api-token", equalTo(TOKEN)));
		assertThat(fields).extracting(CrmField::name)
			.as("required first, then writable, then set by Pipedrive; the inactive field left out")
			.containsExactly("name", CONTACT_TIME, "email", "phone", INTERESTED_IN, "add_time", "open_deals_count");
		assertThat(fields.get(0)).isEqualTo(new CrmField("name", "Name", "varchar", true, false, List.of()));
		assertThat(fields.get(1)).as("the custom field of the second page, by its hash key")
			.isEqualTo(new CrmField(CONTACT_TIME, "Preferred contact time", "set", true, false,
					List.of("Morning", "Afternoon")));
		assertThat(HubSpotFieldReaderTests.byName(fields, INTERESTED_IN)).isEqualTo(new CrmField(INTERESTED_IN,
				"Interested in", "enum", false, false, List.of("Solar panels", "Heat pump")));
		assertThat(HubSpotFieldReaderTests.byName(fields, "add_time").readOnly()).as("bulk_edit_allowed false")
			.isTrue();
		assertThat(HubSpotFieldReaderTests.byName(fields, "email").readOnly()).isFalse();
	}

	@Test
	void aRefusedTokenIsToldInPipedrivesWords() {
		pipedrive.stubFor(get(urlPathEqualTo("/api/v1/personFields")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"success":false,"error":"unauthorized access","errorCode":401,
							 "error_info":"Please check developers.pipedrive.com for more information about Pipedrive API."}""")));

		assertThatExceptionOfType(FieldReadException.class).isThrownBy(this::read)
			.withMessage("Pipedrive answered HTTP 401: \"unauthorized access (Please check developers.pipedrive.com "
					+ "for more information about Pipedrive API.)\". Check the destination's credentials: "
					+ "Pipedrive did not accept them.");
	}

	private List<CrmField> read() {
		return this.reader.read("pipedrive-main", Map.of("baseUrl", pipedrive.baseUrl()), Map.of("apiToken", TOKEN));
	}

}
