package io.leadrelay.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar leadrelay.jar} started the way users start it away from the
 * repository: from an empty folder, with no routes, config or mappings beside it. It runs
 * on what the jar carries, a {@code ./routes} folder adds to it, and a folder it was told
 * about but cannot find stops it in one line.
 */
class StartsAnywhereIT {

	private static final Path LOGS = Path.of("target", "starts-anywhere");

	@TempDir
	Path folder;

	@Test
	void runsFromAnEmptyFolderOnWhatTheJarCarries() throws Exception {
		EngineProcess engine = new EngineProcess(ResilienceHarness.jar(), LOGS, "empty-folder", arguments())
			.in(this.folder);
		try {
			engine.start();
			assertThat(handshake(engine)).isEqualTo("1158201444");
			assertThat(engine.output())
				.contains("Route files from the jar: alerts.yaml, backfill.yaml, deliveries.yaml",
						"Started meta-webhook (platform-http:///webhooks/meta)", "Started pipeline-poll",
						"Started delivery-poll", "Started page-token-checks (timer://page-token-checks)",
						"Started backfill-poll", "Started alert-rounds (timer://alert-rounds)",
						"Started database-watch (timer://database-watch)", "Started retention (timer://retention)",
						"generated the key", "There is no mapping folder")
				.doesNotContain("Exception");
			Path keyFile = this.folder.resolve("data/encryption.key");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
			engine.stop();

			Files.createDirectories(this.folder.resolve("routes"));
			Files.writeString(this.folder.resolve("routes/page-token-checks.yaml"), """
					- route:
					    id: page-token-checks
					    from:
					      uri: direct:page-token-checks
					      steps:
					        - log: "checked by hand"
					""");
			engine.start();
			assertThat(handshake(engine)).isEqualTo("1158201444");
			assertThat(engine.output()).contains("Route files from " + this.folder.resolve("routes"),
					"Started page-token-checks (direct://page-token-checks)", "with the generated key in " + keyFile)
				.doesNotContain("generated the key");
		}
		finally {
			engine.stop();
		}
	}

	@Test
	void refusesAMissingRoutesFolderItWasGivenInOneLine() throws Exception {
		EngineProcess engine = new EngineProcess(ResilienceHarness.jar(), LOGS, "missing-routes",
				List.of("--leadrelay.routes.directory=my-routes"))
			.in(this.folder);
		assertThat(engine.runUntilItExits(Duration.ofSeconds(60))).isNotZero();
		assertThat(engine.output())
			.contains("APPLICATION FAILED TO START",
					"leadrelay.routes.directory names the folder " + this.folder.resolve("my-routes")
							+ ", which does not exist\n",
					"Create the folder, or correct leadrelay.routes.directory")
			.doesNotContain("\tat ", "Exception");
	}

	private List<String> arguments() {
		return List.of("--spring.datasource.url=jdbc:h2:file:" + this.folder.resolve("db") + ";WRITE_DELAY=0",
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--leadrelay.meta.verify-token=anywhere",
				"--leadrelay.security.bootstrap-admin-password=" + EngineProcess.ADMIN_PASSWORD);
	}

	private static String handshake(EngineProcess engine) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(engine.baseUrl()
						+ "/webhooks/meta?hub.mode=subscribe&hub.verify_token=anywhere&hub.challenge=1158201444"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
