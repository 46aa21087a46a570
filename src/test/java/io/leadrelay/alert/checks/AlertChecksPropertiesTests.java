package io.leadrelay.alert.checks;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert thresholds: the documented defaults, and a bad one stops the start naming its
 * key.
 */
class AlertChecksPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void startsWithTheDocumentedDefaults() {
		this.runner.run((context) -> assertThat(context.getBean(AlertChecksProperties.class))
			.isEqualTo(new AlertChecksProperties(Duration.ofDays(7), 10, Duration.ofHours(1), Duration.ofMinutes(15),
					Duration.ofHours(24), 20, Duration.ofDays(7))));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			token-expires-within | 30m
			dead-letters         | 0
			dead-letters-window  | 10s
			oldest-undelivered   | 0s
			silent-page-after    | 5m
			usual-leads          | 0
			usual-leads-window   | 30m
			""")
	void refusesToStartWithABadValueNamingTheKey(String key, String value) {
		this.runner.withPropertyValues("leadrelay.alert-checks." + key + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("leadrelay.alert-checks." + key);
		});
	}

	@EnableConfigurationProperties(AlertChecksProperties.class)
	static class Settings {

	}

}
