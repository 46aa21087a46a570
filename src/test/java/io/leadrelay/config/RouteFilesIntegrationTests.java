package io.leadrelay.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.leadrelay.LeadRelayApplication;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Routes come from files in a folder that ops edit: a broken file stops the start and
 * says where, and with reload on, an edited file takes effect without a restart.
 */
class RouteFilesIntegrationTests {

	@TempDir
	Path routes;

	@Test
	void refusesToStartWithABrokenRouteFileNamingFileAndLine() throws Exception {
		Path broken = this.routes.resolve("broken.yaml");
		Files.writeString(broken, """
				- route:
				    id: broken
				    from:
				      uri: direct:broken
				      steps:
				        - setBody:
				            constantx: hello
				""");
		assertThatException().isThrownBy(() -> start("file:" + broken, false).close())
			.withStackTraceContaining("broken.yaml, line 7")
			.withStackTraceContaining("constantx");
	}

	@Test
	void refusesToStartWithABrokenMappingFileNamingFileAndLine() throws Exception {
		Path mappings = Files.createDirectories(this.routes.resolve("mappings"));
		Files.writeString(mappings.resolve("contacts.yaml"), """
				id: contacts
				destination: hubspot-main
				fields:
				  email:
				    answer: email
				    transforms: [trim, lowercase]
				""");
		assertThatException()
			.isThrownBy(() -> start("file:routes/*.yaml", false, "--leadrelay.mapping.directory=" + mappings).close())
			.withStackTraceContaining("contacts.yaml, line 6")
			.withStackTraceContaining("unknown transform 'lowercase'");
	}

	@Test
	void reloadsAnEditedRouteFileWhenReloadIsOn() throws Exception {
		Path probe = this.routes.resolve("probe.yaml");
		Files.writeString(probe, probeRoute("first"));
		try (ConfigurableApplicationContext context = start("file:" + this.routes + "/*.yaml", true)) {
			ProducerTemplate camel = context.getBean(ProducerTemplate.class);
			assertThat(camel.requestBody("direct:probe", null, String.class)).isEqualTo("first");
			Files.writeString(probe, probeRoute("second"));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(camel.requestBody("direct:probe", null, String.class)).isEqualTo("second"));
		}
	}

	private ConfigurableApplicationContext start(String includePattern, boolean reload, String... more) {
		// Command-line arguments, as an operator would pass them: they win over
		// config/application.yml.
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:routes-" + System.nanoTime(),
				"--camel.main.routes-include-pattern=" + includePattern, "--camel.main.routes-reload-enabled=" + reload,
				"--camel.main.routes-reload-directory=" + this.routes,
				"--leadrelay.security.bootstrap-admin-password=route-test-password"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(LeadRelayApplication.class).run(arguments.toArray(String[]::new));
	}

	private static String probeRoute(String answer) {
		return """
				- route:
				    id: probe
				    from:
				      uri: direct:probe
				      steps:
				        - setBody:
				            constant: %s
				""".formatted(answer);
	}

}
