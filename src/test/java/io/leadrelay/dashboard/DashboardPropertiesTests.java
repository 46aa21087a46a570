package io.leadrelay.dashboard;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code leadrelay.dashboard.*}: the time zone of the days and how often the page
 * refreshes.
 */
class DashboardPropertiesTests {

	@Test
	void countsInUtcAndRefreshesEvery15SecondsUnlessConfigured() {
		DashboardProperties defaults = bind(Map.of());
		assertThat(defaults.zone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(defaults.refresh()).isEqualTo(Duration.ofSeconds(15));

		DashboardProperties berlin = bind(
				Map.of("leadrelay.dashboard.zone", "Europe/Berlin", "leadrelay.dashboard.refresh", "1m"));
		assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(berlin.refresh()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void refusesToRefreshMoreOftenThanEvery5Seconds() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("leadrelay.dashboard.refresh", "1s")))
			.havingRootCause()
			.withMessage("leadrelay.dashboard.refresh must be at least 5s");
	}

	private static DashboardProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("leadrelay.dashboard",
				DashboardProperties.class);
	}

}
