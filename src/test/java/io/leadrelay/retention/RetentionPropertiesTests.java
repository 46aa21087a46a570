package io.leadrelay.retention;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention windows as the engine binds them at start-up, and what it refuses. */
class RetentionPropertiesTests {

	final ApplicationContextRunner engine = new ApplicationContextRunner().withUserConfiguration(Windows.class);

	@Test
	void theDefaultsFollowThePrivacyPolicies() {
		this.engine.run((context) -> {
			RetentionProperties windows = context.getBean(RetentionProperties.class);
			assertThat(windows.deliveredLeads()).isEqualTo(Duration.ofDays(90));
			assertThat(windows.undeliveredLeads()).isEqualTo(Duration.ofDays(180));
			assertThat(windows.audit()).isEqualTo(Duration.ofDays(730));
			assertThat(windows.purgesAttempts()).isTrue();
			assertThat(windows.batchSize()).isEqualTo(1000);
		});
	}

	@Test
	void attemptsAndDeadLettersMayBeKept() {
		this.engine.withPropertyValues("leadrelay.retention.attempts=0", "leadrelay.retention.dead-letters=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RetentionProperties.class).purgesAttempts()).isFalse();
				assertThat(context.getBean(RetentionProperties.class).purgesDeadLetters()).isFalse();
			});
	}

	@Test
	void refusesAnAuditLogKeptLongerThanTwentyFourMonths() {
		refused("leadrelay.retention.audit=800d", "leadrelay.retention.audit must be between 1d and 731d (24 months)");
		refused("leadrelay.retention.audit=0", "cannot be kept for ever");
	}

	@Test
	void refusesLeadsKeptForEverOrUndeliveredOnesShorterThanDeliveredOnes() {
		refused("leadrelay.retention.delivered-leads=0", "leadrelay.retention.delivered-leads cannot be 0");
		refused("leadrelay.retention.undelivered-leads=30d",
				"leadrelay.retention.undelivered-leads must be at least leadrelay.retention.delivered-leads (90d)");
		refused("leadrelay.retention.attempts=2h", "leadrelay.retention.attempts must be between 1d and 3650d, or 0");
		refused("leadrelay.retention.batch-size=0", "leadrelay.retention.batch-size must be between 1 and 10000");
	}

	private void refused(String setting, String message) {
		this.engine.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RetentionProperties.class)
	static class Windows {

	}

}
