package io.leadrelay.destination;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule for whether a destination may receive leads now.
 */
class DestinationViewTests {

	@ParameterizedTest(name = "enabled={0}, status={1}: {2}")
	@CsvSource(textBlock = """
			true,  ACTIVE,            true
			false, ACTIVE,            false
			true,  NEEDS_CREDENTIALS, false
			false, NEEDS_CREDENTIALS, false
			""")
	void mayReceiveOnlyWhileEnabledAndActive(boolean enabled, DestinationStatus status, boolean mayReceive) {
		Instant now = Instant.parse("2026-11-23T12:00:00Z");
		DestinationView destination = new DestinationView("crm", "CRM", "webhook", Map.of(), List.of(), enabled, status,
				now, now);
		assertThat(destination.mayReceive()).isEqualTo(mayReceive);
	}

}
