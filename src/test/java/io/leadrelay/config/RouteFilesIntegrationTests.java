package io.leadrelay.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.leadrelay.LeadRelayApplication;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Routes come from the files packaged in the jar and from a folder that ops edit: a file
 * in the folder replaces the packaged file of the same name and any other adds its
 * routes; a broken file stops the start and says where; a folder that was set but is
 * missing stops the start in one line naming the key; with reload on, an edited file
 * takes effect without a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class RouteFilesIntegrationTests {

	@TempDir
	Path routes;

	@Test
	void addsTheFolderFilesToThePackagedRoutes() throws Exception {
		Files.writeString(this.routes.resolve("probe.yaml"), probeRoute("probe", "direct:probe", "first"));
		try (ConfigurableApplicationContext context = start(false)) {
			CamelContext camel = context.getBean(CamelContext.class);
			assertThat(camel.getRoutes()).extracting(Route::getRouteId)
				.contains("meta-webhook", "pipeline-poll", "delivery-poll", "page-token-checks", "backfill-poll",
						"probe");
			assertThat(camel.getRoute("meta-webhook").getSourceLocation()).startsWith("classpath:routes/");
			assertThat(context.getBean(ProducerTemplate.class).requestBody("direct:probe", null, String.class))
				.isEqualTo("first");
		}
	}

	@Test
	void runsAnOpsRouteOnComponentsAndLanguagesWhoseSpringBootSettingsAreLeftOut() throws Exception {
		// LeadRelayApplication excludes these auto-configurations; the components still
		// resolve by scheme.
		Files.writeString(this.routes.resolve("components.yaml"), """
				- route:
				    id: components
				    from:
				      uri: direct:components
				      steps:
				        - to: "stub:nowhere"
				        - to: "browse:kept"
				        - to: "mock:seen"
				        - setHeader:
				            name: parts
				            tokenize:
				              token: ","
				        - to: "language:constant:done"
				""");
		try (ConfigurableApplicationContext context = start(false)) {
			assertThat(context.getBean(ProducerTemplate.class).requestBody("direct:components", "a,b", String.class))
				.isEqualTo("done");
			assertThat(context.getBean(CamelContext.class)
				.getEndpoint("mock:seen", MockEndpoint.class)
				.getReceivedCounter()).isEqualTo(1);
		}
	}

	@Test
	void replacesAPackagedRouteFileWithTheFolderFileOfTheSameName() throws Exception {
		Files.writeString(this.routes.resolve("page-token-checks.yaml"),
				probeRoute("page-token-checks", "direct:checks-by-hand", "checked"));
		try (ConfigurableApplicationContext context = start(false)) {
			CamelContext camel = context.getBean(CamelContext.class);
			Route checks = camel.getRoute("page-token-checks");
			assertThat(checks.getEndpoint().getEndpointUri()).isEqualTo("direct://checks-by-hand");
			assertThat(checks.getSourceLocation()).contains(this.routes.toString());
			assertThat(camel.getRoute("meta-webhook")).isNotNull();
			assertThat(context.getBean(ProducerTemplate.class).requestBody("direct:checks-by-hand", null, String.class))
				.isEqualTo("checked");
		}
	}

	@Test
	void refusesToStartWithoutTheRoutesFolderItWasGivenInOneLineNamingTheKey(CapturedOutput output) {
		Path missing = this.routes.resolve("missing");
		assertThatExceptionOfType(InvalidSetupException.class)
			.isThrownBy(() -> start(List.of("--leadrelay.routes.directory=" + missing)).close())
			.withMessage("leadrelay.routes.directory names the folder " + missing + ", which does not exist");
		assertThat(output)
			.contains("APPLICATION FAILED TO START",
					"leadrelay.routes.directory names the folder " + missing + ", which does not exist\n",
					"Create the folder, or correct leadrelay.routes.directory")
			.doesNotContain("\tat ");
	}

	@Test
	void refusesToStartWithoutTheMappingFolderItWasGivenInOneLineNamingTheKey(CapturedOutput output) {
		Path missing = this.routes.resolve("no-mappings");
		assertThatException().isThrownBy(() -> start(List.of("--leadrelay.mapping.directory=" + missing)).close())
			.withRootCauseInstanceOf(InvalidSetupException.class);
		assertThat(output)
			.contains("APPLICATION FAILED TO START",
					"leadrelay.mapping.directory names the folder " + missing + ", which does not exist\n",
					"Create the folder, or correct leadrelay.mapping.directory")
			.doesNotContain("\tat ");
	}

	@Test
	void loadsExactlyTheRoutesOfAnIncludePatternSetByHand() throws Exception {
		Path probe = this.routes.resolve("probe.yaml");
		Files.writeString(probe, probeRoute("probe", "direct:probe", "first"));
		try (ConfigurableApplicationContext context = start(
				List.of("--camel.main.routes-include-pattern=file:" + probe, "--leadrelay.routes.directory=missing"))) {
			assertThat(context.getBean(CamelContext.class).getRoutes()).extracting(Route::getRouteId)
				.containsExactly("probe");
		}
	}

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
		assertThatException().isThrownBy(() -> start(false).close())
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
		assertThatException().isThrownBy(() -> start(List.of("--leadrelay.mapping.directory=" + mappings)).close())
			.withStackTraceContaining("contacts.yaml, line 6")
			.withStackTraceContaining("unknown transform 'lowercase'");
	}

	@Test
	void reloadsAnEditedRouteFileWhenReloadIsOn() throws Exception {
		Path probe = this.routes.resolve("probe.yaml");
		Files.writeString(probe, probeRoute("probe", "direct:probe", "first"));
		try (ConfigurableApplicationContext context = start(true)) {
			ProducerTemplate camel = context.getBean(ProducerTemplate.class);
			assertThat(camel.requestBody("direct:probe", null, String.class)).isEqualTo("first");
			Files.writeString(probe, probeRoute("probe", "direct:probe", "second"));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(camel.requestBody("direct:probe", null, String.class)).isEqualTo("second"));
			assertThat(context.getBean(CamelContext.class).getRoute("meta-webhook")).isNotNull();
		}
	}

	private ConfigurableApplicationContext start(boolean reload) {
		return start(
				List.of("--leadrelay.routes.directory=" + this.routes, "--camel.main.routes-reload-enabled=" + reload));
	}

	private ConfigurableApplicationContext start(List<String> more) {
		// Command-line arguments, as an operator would pass them: they win over
		// config/application.yml.
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:routes-" + System.nanoTime(),
						"--leadrelay.security.bootstrap-admin-password=route-test-password"));
		arguments.addAll(more);
		return new SpringApplicationBuilder(LeadRelayApplication.class).run(arguments.toArray(String[]::new));
	}

	private static String probeRoute(String id, String from, String answer) {
		return """
				- route:
				    id: %s
				    from:
				      uri: %s
				      steps:
				        - setBody:
				            constant: %s
				""".formatted(id, from, answer);
	}

}
