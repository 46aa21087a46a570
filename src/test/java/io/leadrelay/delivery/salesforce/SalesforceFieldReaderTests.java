package io.leadrelay.delivery.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.fields.FieldReadException;
import io.leadrelay.delivery.fields.RecordedAnswers;
import io.leadrelay.destination.CrmField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SalesforceFieldReaderTests {

	static final String DESCRIBE = "/services/data/v62.0/sobjects/Lead/describe";

	@RegisterExtension
	static WireMockExtension salesforce = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	final SalesforceFieldReader reader = new SalesforceFieldReader(new ObjectMapper(), SalesforceFixtures.CLOCK,
			new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));

	@BeforeEach
	void login() {
		salesforce.stubFor(SalesforceFixtures.token("00Dxx0000000001!AQ4AQ.first", salesforce.baseUrl()));
	}

	@Test
	void readsTheLeadDescribeWithASession() {
		salesforce.stubFor(get(urlPathEqualTo(DESCRIBE))
			.willReturn(okJson(RecordedAnswers.read("salesforce-lead-describe.json"))));

		List<CrmField> fields = read();

		salesforce.verify(postRequestedFor(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)));
		salesforce.verify(getRequestedFor(urlPathEqualTo(DESCRIBE)).withHeader("Authorization",
				equalTo("Bearer 00Dxx0000000001!AQ4AQ.first")));
		assertThat(fields).filteredOn(CrmField::required)
			.extracting(CrmField::name)
			.as("createable, not nillable, not defaulted on create")
			.containsExactly("LastName", "Company");
		assertThat(fields).filteredOn(CrmField::readOnly)
			.extracting(CrmField::name)
			.as("not createable")
			.containsExactly("Id", "CreatedDate", "IsConverted");
		assertThat(fields).extracting(CrmField::name)
			.containsExactly("LastName", "Company", "FirstName", "Salutation", "Email", "Phone", "Status", "LeadSource",
					"LeadRelay_Leadgen_Id__c", "Id", "CreatedDate", "IsConverted");
		assertThat(fields.get(4)).isEqualTo(new CrmField("Email", "Email", "email", false, false, List.of()));
		assertThat(fields.get(3).options()).as("active picklist values only").containsExactly("Mr.", "Ms.");
		assertThat(fields.get(6)).as("Status has a default: not required")
			.isEqualTo(new CrmField("Status", "Status", "picklist", false, false,
					List.of("Open - Not Contacted", "Working - Contacted", "Closed - Converted")));
	}

	@Test
	void aRefusedSessionIsToldInSalesforcesWords() {
		salesforce.stubFor(get(urlPathEqualTo(DESCRIBE)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));

		assertThatExceptionOfType(FieldReadException.class).isThrownBy(this::read)
			.withMessage("Salesforce answered HTTP 401: \"INVALID_SESSION_ID: Session expired or invalid\". "
					+ "Check the destination's credentials: Salesforce did not accept them.");
	}

	@Test
	void aRefusedLoginIsToldInSalesforcesWords() {
		salesforce.stubFor(post(urlPathEqualTo(SalesforceFixtures.TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));

		assertThatExceptionOfType(FieldReadException.class).isThrownBy(this::read)
			.withMessage("Salesforce refused to log in: invalid_client: invalid client credentials.");
	}

	private List<CrmField> read() {
		return this.reader.read("salesforce-main", SalesforceFixtures.clientCredentialsSettings(salesforce.baseUrl()),
				Map.of("clientId", "3MVG9-consumer-key", "clientSecret", "consumer-secret-1"));
	}

}
