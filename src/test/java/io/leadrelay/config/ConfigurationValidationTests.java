package io.leadrelay.config;

import io.leadrelay.backfill.BackfillProperties;
import io.leadrelay.cluster.ClusterProperties;
import io.leadrelay.crypto.CryptoProperties;
import io.leadrelay.graph.GraphProperties;
import io.leadrelay.ingest.IngestProperties;
import io.leadrelay.meta.MetaProperties;
import io.leadrelay.page.PagesProperties;
import io.leadrelay.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad setting stops the start with a message that names the key.
 */
class ConfigurationValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
		.withUserConfiguration(AllSettings.class);

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			leadrelay.ingest.max-body-size                | 1GB
			leadrelay.ingest.max-body-size                | 10B
			leadrelay.ingest.max-body-size                | plenty
			leadrelay.meta.app-secrets[0]                 | '  '
			leadrelay.security.bootstrap-admin-password   | short
			leadrelay.security.bootstrap-admin-password   | qwerty123456
			leadrelay.security.sign-in.max-failures-per-address | 0
			leadrelay.crypto.keys.k1                      | c2hvcnQ=
			leadrelay.crypto.active-key-id                | missing
			leadrelay.graph.version                       | 26
			leadrelay.graph.base-url                      | ftp://graph.example
			leadrelay.graph.usage-threshold               | 0
			leadrelay.pages.token-check-interval          | 10s
			leadrelay.backfill.initial-lookback           | 120d
			leadrelay.cluster.job-lock-at-most-for        | 1s
			leadrelay.routes.directory                    | '  '
			""")
	void refusesToStartWithABadValueNamingTheKey(String key, String value) {
		this.runner.withPropertyValues(key + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			String keyWithoutIndex = key.replaceAll("\\[\\d+]$", "");
			assertThat(context.getStartupFailure()).hasStackTraceContaining(keyWithoutIndex);
		});
	}

	@Test
	void startsWithTheDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(IngestProperties.class).maxBodySize().toBytes()).isEqualTo(1024 * 1024);
			assertThat(context.getBean(MetaProperties.class).appSecrets()).isEmpty();
			assertThat(context.getBean(SecurityProperties.class).bootstrapAdminPassword()).isNull();
		});
	}

	@Test
	void neverShowsSecretsInToString() {
		this.runner
			.withPropertyValues("leadrelay.meta.app-secrets=first-secret,second-secret",
					"leadrelay.meta.verify-token=the-verify-token",
					"leadrelay.security.bootstrap-admin-password=the-admin-password")
			.run((context) -> {
				assertThat(context.getBean(MetaProperties.class).appSecrets()).hasSize(2);
				assertThat(context.getBean(MetaProperties.class).toString()).doesNotContain("first-secret",
						"second-secret", "the-verify-token");
				assertThat(context.getBean(SecurityProperties.class).toString()).doesNotContain("the-admin-password");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ IngestProperties.class, MetaProperties.class, SecurityProperties.class,
			CryptoProperties.class, GraphProperties.class, PagesProperties.class, BackfillProperties.class,
			ClusterProperties.class, RoutesProperties.class })
	static class AllSettings {

	}

}
