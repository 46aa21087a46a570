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
					{"url":"https://x.io/leads"}                         | {"signingSecret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"} | {url=https://x.io/leads}
					{}                                                   | {"signingSecret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"} | settings.url: settings.url is required
					{"url":"https://x.io/leads"}                         | {"signingSecret":"a-plain-text-secret-of-32-bytes!"} | {url=https://x.io/leads}
					{"url":"https://x.io/leads"}                         | {"signingSecret":"üüüüüüüüüüüü"} | {url=https://x.io/leads}
					{"url":"https://x.io/leads"}                         | {"signingSecret":"short"} | credentials.signingSecret: credentials.signingSecret must be 24 to 64 bytes of UTF-8 text, or whsec_<base64 of a 24 to 64-byte key>; this one has 5 bytes
					{"url":"https://x.io/leads"}                         | {"signingSecret":"üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü"} | credentials.signingSecret: credentials.signingSecret must be 24 to 64 bytes of UTF-8 text, or whsec_<base64 of a 24 to 64-byte key>; this one has 66 bytes
					{"url":"https://x.io/leads"}                         | {"signingSecret":"whsec_0123456789abcdefghijkl"} | credentials.signingSecret: credentials.signingSecret must hold a key of 24 to 64 bytes after whsec_; this one holds 16
					{"url":"https://x.io/leads"}                         | {"signingSecret":"whsec_not-base64-at-all-but-long-enough"} | credentials.signingSecret: credentials.signingSecret must be whsec_ followed by standard base64 (the Standard Webhooks form); what follows whsec_ is not base64
					{"url":"https://x.io/leads"}                         | {}                    | credentials.signingSecret: credentials.signingSecret is required
					""")
	void refusesTheFirstFieldThatDoesNotFit(String settings, String credentials, String expected) {
		assertThat(this.connector.code()).isEqualTo("webhook");
		assertThat(DestinationTypeChecks.check(this.connector, settings, credentials)).isEqualTo(expected);
	}

}
