package io.leadrelay.delivery.hubspot;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.DestinationTypeChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a HubSpot destination takes, as its connector declares it: defaults filled in, the
 * first field that does not fit refused by name with a message that says why.
 */
class HubSpotSettingsTests {

	final HubSpotConnector connector = new HubSpotConnector(new ObjectMapper(), Clock.systemUTC());

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{}                                                   | {"accessToken":"t"}   | {baseUrl=https://api.hubapi.com, idProperty=email}
					{"idProperty":"phone","baseUrl":"http://crm.local:8080"} | {"accessToken":"t"} | {idProperty=phone, baseUrl=http://crm.local:8080}
					{"baseUrI":"https://x"}                              | {"accessToken":"t"}   | settings.baseUrI: Unknown field settings.baseUrI; expected [baseUrl, idProperty]
					{"baseUrl":"ftp://x/y"}                              | {"accessToken":"t"}   | settings.baseUrl: settings.baseUrl must be an absolute http or https URL
					{"baseUrl":"https://u:p@x.io/"}                      | {"accessToken":"t"}   | settings.baseUrl: settings.baseUrl must not hold credentials; put them in credentials, which are stored encrypted
					{"baseUrl":"https://x .io/"}                         | {"accessToken":"t"}   | settings.baseUrl: settings.baseUrl is not a valid URL
					{"baseUrl":" "}                                      | {"accessToken":"t"}   | settings.baseUrl: settings.baseUrl is required
					{}                                                   | {}                    | credentials.accessToken: credentials.accessToken is required
					{}                                                   | {"accessToken":"t","apiKey":"k"} | credentials.apiKey: Unknown field credentials.apiKey; expected [accessToken]
					""")
	void fillsInDefaultsAndRefusesTheFirstFieldThatDoesNotFit(String settings, String credentials, String expected) {
		assertThat(this.connector.code()).isEqualTo("hubspot");
		assertThat(DestinationTypeChecks.check(this.connector, settings, credentials)).isEqualTo(expected);
	}

}
