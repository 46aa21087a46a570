package io.leadrelay.delivery.pipedrive;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.DestinationTypeChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Pipedrive destination takes, as its connector declares it.
 */
class PipedriveSettingsTests {

	final PipedriveConnector connector = new PipedriveConnector(new ObjectMapper(), Clock.systemUTC(),
			new PipedrivePersonTable(new JdbcTemplate()));

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{}                                                   | {"apiToken":"t"}      | {baseUrl=https://api.pipedrive.com}
					{"baseUrl":"https://x.io","url":"https://y.io"}      | {"apiToken":"t"}      | settings.url: Unknown field settings.url; expected [baseUrl]
					{}                                                   | {"apiToken":""}       | credentials.apiToken: credentials.apiToken is required
					""")
	void fillsInDefaultsAndRefusesTheFirstFieldThatDoesNotFit(String settings, String credentials, String expected) {
		assertThat(this.connector.code()).isEqualTo("pipedrive");
		assertThat(DestinationTypeChecks.check(this.connector, settings, credentials)).isEqualTo(expected);
	}

}
