package io.leadrelay.delivery.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.DestinationTypeChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Salesforce destination takes, as its connector declares it: the login flow
 * decides which credentials are needed.
 */
class SalesforceSettingsTests {

	final SalesforceConnector connector = new SalesforceConnector(new ObjectMapper(), Clock.systemUTC(),
			Duration.ofSeconds(1), Duration.ofSeconds(1),
			(host) -> new SalesforceVersions.Offered.Listed(List.of("62.0", "67.0", "68.0")));

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"authFlow":"client_credentials","externalIdField":"Lead_Id__c"} | {"clientId":"c","clientSecret":"s"} | {authFlow=client_credentials, externalIdField=Lead_Id__c, loginUrl=https://login.salesforce.com, apiVersion=68.0}
					{"externalIdField":"Lead_Id__c"}                    | {}                    | settings.authFlow: settings.authFlow is required
					{"authFlow":"password","externalIdField":"Lead_Id__c"} | {}                 | settings.authFlow: settings.authFlow must be one of [client_credentials, jwt_bearer, refresh_token]
					{"authFlow":"client_credentials","externalIdField":"Email"} | {}            | settings.externalIdField: settings.externalIdField must be a custom field API name such as LeadRelay_Leadgen_Id__c
					{"authFlow":"client_credentials","externalIdField":"Lead_Id__c","apiVersion":"v62"} | {} | settings.apiVersion: settings.apiVersion must be a version such as 68.0
					{"authFlow":"jwt_bearer","externalIdField":"Lead_Id__c"} | {"clientId":"c","privateKey":"k"} | settings.username: settings.username is required
					{"authFlow":"jwt_bearer","externalIdField":"Lead_Id__c","username":"u@x.io"} | {"clientId":"c"} | credentials.privateKey: credentials.privateKey is required
					{"authFlow":"refresh_token","externalIdField":"Lead_Id__c"} | {"refreshToken":"r"} | credentials.clientId: credentials.clientId is required
					{"authFlow":"refresh_token","externalIdField":"Lead_Id__c"} | {"clientId":"c","clientSecret":"s","refreshToken":"r"} | {authFlow=refresh_token, externalIdField=Lead_Id__c, loginUrl=https://login.salesforce.com, apiVersion=68.0}
					{"authFlow":"client_credentials","externalIdField":"Lead_Id__c","loginUrl":"https://test.salesforce.com"} | {"clientId":"c","clientSecret":"s","privateKey":"k"} | credentials.privateKey: Unknown field credentials.privateKey; expected [clientId, clientSecret]
					{"authFlow":"client_credentials","externalIdField":"Lead_Id__c","apiVersion":"62.0"} | {"clientId":"c","clientSecret":"s"} | {authFlow=client_credentials, externalIdField=Lead_Id__c, apiVersion=62.0, loginUrl=https://login.salesforce.com}
					{"authFlow":"client_credentials","externalIdField":"Lead_Id__c","apiVersion":"69.0"} | {"clientId":"c","clientSecret":"s"} | settings.apiVersion: settings.apiVersion 69.0 is not offered by https://login.salesforce.com; the latest API version it offers is 68.0
					{"authFlow":"client_credentials","externalIdField":"Lead_Id__c","token":"t"} | {} | settings.token: Unknown field settings.token; expected [apiVersion, authFlow, externalIdField, loginUrl, username]
					""")
	void fillsInDefaultsAndRefusesTheFirstFieldThatDoesNotFit(String settings, String credentials, String expected) {
		assertThat(this.connector.code()).isEqualTo("salesforce");
		assertThat(DestinationTypeChecks.check(this.connector, settings, credentials)).isEqualTo(expected);
	}

}
