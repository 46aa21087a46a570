package io.leadrelay.delivery.route;

import io.leadrelay.support.DestinationTypeChecks;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * What a route destination takes, as its connector declares it: a Camel endpoint, and no
 * credentials.
 */
class RouteSettingsTests {

	final RouteConnector connector = new RouteConnector(mock(ProducerTemplate.class));

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"endpointUri":"direct:sheets"}                      | {}                    | {endpointUri=direct:sheets}
					{"endpointUri":"not a uri"}                          | {}                    | settings.endpointUri: settings.endpointUri must be a Camel endpoint URI such as direct:sheets
					{"endpointUri":"direct:x"}                           | {"token":"t"}         | credentials.token: Unknown field credentials.token; this type takes none
					""")
	void refusesTheFirstFieldThatDoesNotFit(String settings, String credentials, String expected) {
		assertThat(this.connector.code()).isEqualTo("route");
		assertThat(DestinationTypeChecks.check(this.connector, settings, credentials)).isEqualTo(expected);
	}

}
