package io.leadrelay.delivery.webhook;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.DestinationTypeChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-webhook destination takes, as its connector declares it.
 */
class WebhookSettingsTests {

	final WebhookConnector connector = new WebhookConnector(new ObjectMapper(), Clock.systemUTC());

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"url":"https://x.io/leads"}                         | {"signingSecret":"whsec_0123456789abcdefghijkl"} | {url=https://x.io/leads}
					{}                                                   | {"signingSecret":"whsec_0123456789abcdefghijkl"} | settings.url: settings.url is required
					{"url":"https://x.io/leads"}                         | {"signingSecret":"short"} | credentials.signingSecret: credentials.signingSecret must be at least 24 characters
					{"url":"https://x.io/leads"}                         | {}                    | credentials.signingSecret: credentials.signingSecret is required
					""")
	void refusesTheFirstFieldThatDoesNotFit(String settings, String credentials, String expected) {
		assertThat(this.connector.code()).isEqualTo("webhook");
		assertThat(DestinationTypeChecks.check(this.connector, settings, credentials)).isEqualTo(expected);
	}

}
