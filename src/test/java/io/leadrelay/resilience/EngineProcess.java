package io.leadrelay.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged engine ({@code target/leadrelay-*.jar}) run as a separate process, the way
 * users run it, so that it can be killed with SIGKILL and started again on the same data.
 */
final class EngineProcess {

	static final String ADMIN_PASSWORD = "resilience-admin-password";

	static final String MANAGEMENT_TOKEN = "resilience-management-token-0123456789";

	static final String APP_SECRET = "resilience-app-secret";

	private final Path jar;

	private final Path logDirectory;

	private final List<String> arguments;

	private final int port;

	private Path workingDirectory;

	private Process process;

	private int starts;

	EngineProcess(Path jar, Path logDirectory, String name, List<String> arguments) {
		this.jar = jar;
		this.logDirectory = logDirectory.resolve(name);
		this.arguments = List.copyOf(arguments);
		this.port = freePort();
	}

	/** The engine's arguments for a given database, Graph API and mapping folder. */
	static List<String> arguments(String datasourceUrl, String graphUrl, Path mappings) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + datasourceUrl));
		arguments.addAll(arguments(graphUrl, mappings));
		return List.copyOf(arguments);
	}

	/**
	 * The engine's arguments for a Graph API and mapping folder, on the default store.
	 */
	static List<String> arguments(String graphUrl, Path mappings) {
		return List.of("--leadrelay.graph.base-url=" + graphUrl, "--leadrelay.mapping.directory=" + mappings,
				"--leadrelay.meta.app-secrets=" + APP_SECRET, "--leadrelay.meta.verify-token=resilience",
				"--leadrelay.security.bootstrap-admin-password=" + ADMIN_PASSWORD,
				"--leadrelay.security.management-token=" + MANAGEMENT_TOKEN,
				"--leadrelay.crypto.keys.k1=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
				"--leadrelay.pipeline.lease=10s", "--leadrelay.delivery.lease=10s",
				"--leadrelay.pipeline.retry-schedule=1s", "--leadrelay.delivery.retry-schedule=1s",
				"--leadrelay.delivery.circuit-breaker.open-for=2s", "--leadrelay.backfill.interval=1h",
				// The stand-in CRMs listen on loopback, which destinations may not reach
				// unless allowed.
				"--leadrelay.delivery.allowed-networks=127.0.0.0/8,::1/128", "--logging.level.root=WARN",
				"--logging.level.io.leadrelay=INFO");
	}

	int port() {
		return this.port;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Runs the engine from this folder, as a user who starts the jar elsewhere would. */
	EngineProcess in(Path directory) {
		this.workingDirectory = directory;
		return this;
	}

	/** Starts the engine and waits until it answers its health check. */
	void start() {
		launch();
		awaitHealthy();
	}

	/** Starts the engine without waiting for it: to kill it while it starts. */
	void launch() {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
						this.jar.toString(), "--server.port=" + this.port));
		command.addAll(this.arguments);
		try {
			this.logDirectory.toFile().mkdirs();
			this.process = new ProcessBuilder(command)
				.directory((this.workingDirectory != null) ? this.workingDirectory.toFile() : null)
				.redirectErrorStream(true)
				.redirectOutput(this.logDirectory.resolve("engine-" + (++this.starts) + ".log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitHealthy() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The engine exited with " + this.process.exitValue() + "; see " + this.logDirectory);
			}
			try {
				return http
					.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body()
					.contains("\"UP\"");
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** Starts the engine and waits for it to end by itself; returns its exit code. */
	int runUntilItExits(Duration atMost) throws InterruptedException {
		launch();
		if (!this.process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly().waitFor();
			throw new IllegalStateException("The engine was still running after " + atMost);
		}
		return this.process.exitValue();
	}

	/** What the engine printed since its latest start. */
	String output() {
		try {
			return Files.readString(this.logDirectory.resolve("engine-" + this.starts + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGKILL: no shutdown hook, no graceful anything. */
	void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/** SIGTERM: the engine shuts down gracefully. */
	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			waitFor();
		}
	}

	boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	private void waitFor() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
