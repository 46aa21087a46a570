package io.leadrelay.destination;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.hubspot.HubSpotConnector;
import io.leadrelay.delivery.pipedrive.PipedriveConnector;
import io.leadrelay.delivery.route.RouteConnector;
import io.leadrelay.delivery.salesforce.SalesforceConnector;
import io.leadrelay.delivery.webhook.WebhookConnector;
import io.leadrelay.destination.spi.DestinationType;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * What each destination type, as its connector declares it, takes in its settings and
 * credentials: defaults filled in, and the first field that does not fit refused by name
 * with a message that says why.
 */
class DestinationRulesTests {

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final ObjectMapper json = new ObjectMapper();

	private final DestinationTypes types = new DestinationTypes(List.of(
			new HubSpotConnector(this.json, Clock.systemUTC()), new SalesforceConnector(this.json, Clock.systemUTC()),
			new PipedriveConnector(this.json, Clock.systemUTC()), new WebhookConnector(this.json, Clock.systemUTC()),
			new RouteConnector(mock(ProducerTemplate.class))));

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					hubspot    | {}                                                  | {"accessToken":"t"}   | {baseUrl=https://api.hubapi.com, idProperty=email}
					hubspot    | {"idProperty":"phone","retryHorizon":"1h","baseUrl":"http://crm.local:8080"} | {"accessToken":"t"} | {idProperty=phone, baseUrl=http://crm.local:8080, retryHorizon=1h}
					hubspot    | {"baseUrI":"https://x"}                             | {"accessToken":"t"}   | settings.baseUrI: Unknown field settings.baseUrI; expected [baseUrl, idProperty]
					hubspot    | {"baseUrl":"ftp://x/y"}                             | {"accessToken":"t"}   | settings.baseUrl: settings.baseUrl must be an absolute http or https URL
					hubspot    | {"baseUrl":"https://u:p@x.io/"}                     | {"accessToken":"t"}   | settings.baseUrl: settings.baseUrl must not hold credentials; put them in credentials, which are stored encrypted
					hubspot    | {"baseUrl":"https://x .io/"}                        | {"accessToken":"t"}   | settings.baseUrl: settings.baseUrl is not a valid URL
					hubspot    | {"baseUrl":" "}                                     | {"accessToken":"t"}   | settings.baseUrl: settings.baseUrl is required
					hubspot    | {}                                                  | {}                    | credentials.accessToken: credentials.accessToken is required
					hubspot    | {}                                                  | {"accessToken":"t","apiKey":"k"} | credentials.apiKey: Unknown field credentials.apiKey; expected [accessToken]
					salesforce | {"authFlow":"client_credentials","externalIdField":"Lead_Id__c"} | {"clientId":"c","clientSecret":"s"} | {authFlow=client_credentials, externalIdField=Lead_Id__c, loginUrl=https://login.salesforce.com, apiVersion=62.0}
					salesforce | {"externalIdField":"Lead_Id__c"}                    | {}                    | settings.authFlow: settings.authFlow is required
					salesforce | {"authFlow":"password","externalIdField":"Lead_Id__c"} | {}                 | settings.authFlow: settings.authFlow must be one of [client_credentials, jwt_bearer, refresh_token]
					salesforce | {"authFlow":"client_credentials","externalIdField":"Email"} | {}            | settings.externalIdField: settings.externalIdField must be a custom field API name such as LeadRelay_Leadgen_Id__c
					salesforce | {"authFlow":"client_credentials","externalIdField":"Lead_Id__c","apiVersion":"v62"} | {} | settings.apiVersion: settings.apiVersion must be a version such as 62.0
					salesforce | {"authFlow":"jwt_bearer","externalIdField":"Lead_Id__c"} | {"clientId":"c","privateKey":"k"} | settings.username: settings.username is required
					salesforce | {"authFlow":"jwt_bearer","externalIdField":"Lead_Id__c","username":"u@x.io"} | {"clientId":"c"} | credentials.privateKey: credentials.privateKey is required
					salesforce | {"authFlow":"refresh_token","externalIdField":"Lead_Id__c"} | {"refreshToken":"r"} | credentials.clientId: credentials.clientId is required
					salesforce | {"authFlow":"refresh_token","externalIdField":"Lead_Id__c"} | {"clientId":"c","clientSecret":"s","refreshToken":"r"} | {authFlow=refresh_token, externalIdField=Lead_Id__c, loginUrl=https://login.salesforce.com, apiVersion=62.0}
					salesforce | {"authFlow":"client_credentials","externalIdField":"Lead_Id__c","loginUrl":"https://test.salesforce.com"} | {"clientId":"c","clientSecret":"s","privateKey":"k"} | credentials.privateKey: Unknown field credentials.privateKey; expected [clientId, clientSecret]
					salesforce | {"authFlow":"client_credentials","externalIdField":"Lead_Id__c","token":"t"} | {} | settings.token: Unknown field settings.token; expected [apiVersion, authFlow, externalIdField, loginUrl, username]
					pipedrive  | {}                                                  | {"apiToken":"t"}      | {baseUrl=https://api.pipedrive.com}
					pipedrive  | {"baseUrl":"https://x.io","url":"https://y.io"}     | {"apiToken":"t"}      | settings.url: Unknown field settings.url; expected [baseUrl]
					pipedrive  | {}                                                  | {"apiToken":""}       | credentials.apiToken: credentials.apiToken is required
					webhook    | {"url":"https://x.io/leads"}                        | {"signingSecret":"whsec_0123456789abcdefghijkl"} | {url=https://x.io/leads}
					webhook    | {}                                                  | {"signingSecret":"whsec_0123456789abcdefghijkl"} | settings.url: settings.url is required
					webhook    | {"url":"https://x.io/leads"}                        | {"signingSecret":"short"} | credentials.signingSecret: credentials.signingSecret must be at least 24 characters
					webhook    | {"url":"https://x.io/leads"}                        | {}                    | credentials.signingSecret: credentials.signingSecret is required
					route      | {"endpointUri":"direct:sheets"}                     | {}                    | {endpointUri=direct:sheets}
					route      | {"endpointUri":"not a uri"}                         | {}                    | settings.endpointUri: settings.endpointUri must be a Camel endpoint URI such as direct:sheets
					route      | {"endpointUri":"direct:x"}                          | {"token":"t"}         | credentials.token: Unknown field credentials.token; this type takes none
					route      | {"endpointUri":"direct:x","retrySchedule":"10s,soon"} | {}                  | settings.retrySchedule: settings.retrySchedule must be durations such as 30s, 5m or 1h
					route      | {"endpointUri":"direct:x","retrySchedule":"0s"}     | {}                    | settings.retrySchedule: settings.retrySchedule must list positive durations such as 30s,5m,1h
					route      | {"endpointUri":"direct:x","retryHorizon":"90d"}     | {}                    | settings.retryHorizon: settings.retryHorizon must be between 1m and 30d
					route      | {"retryHorizon":"90d","endpointUri":"not a uri"}    | {}                    | settings.retryHorizon: settings.retryHorizon must be between 1m and 30d
					route      | {"retrySchedule":"1m,1h","endpointUri":"direct:x"}  | {}                    | {endpointUri=direct:x, retrySchedule=1m,1h}
					""")
	void fillsInDefaultsAndRefusesTheFirstFieldThatDoesNotFit(String type, String settings, String credentials,
			String expected) throws Exception {
		assertThat(check(type, this.json.readValue(settings, MAP), this.json.readValue(credentials, MAP)))
			.isEqualTo(expected);
	}

	@Test
	void refusesAnUnknownTypeNamingTheKnownOnes() {
		assertThatExceptionOfType(InvalidDestinationException.class).isThrownBy(() -> this.types.get("zapier"))
			.withMessage("type must be one of [hubspot, pipedrive, route, salesforce, webhook]")
			.extracting(InvalidDestinationException::field)
			.isEqualTo("type");
		assertThatExceptionOfType(InvalidDestinationException.class).isThrownBy(() -> this.types.get(null))
			.withMessage("type must be one of [hubspot, pipedrive, route, salesforce, webhook]");
	}

	@Test
	void refusesTwoConnectorsDeclaringOneType() {
		RouteConnector route = new RouteConnector(mock(ProducerTemplate.class));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new DestinationTypes(List.of(route, route)))
			.withMessageStartingWith("Two connectors declare the destination type route");
	}

	private String check(String type, Map<String, String> settings, Map<String, String> credentials) {
		try {
			DestinationType declared = this.types.get(type);
			Map<String, String> checked = DestinationRules.settings(declared, settings);
			declared.checkCredentials(checked, credentials);
			return checked.toString();
		}
		catch (InvalidDestinationException ex) {
			return ex.field() + ": " + ex.getMessage();
		}
	}

}
