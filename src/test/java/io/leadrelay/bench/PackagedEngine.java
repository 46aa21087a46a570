package io.leadrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged engine ({@code --jar}) as a separate process, on the mocks, with one
 * mapping and its log in the run's folder.
 */
final class PackagedEngine {

	private static final String ADMIN_PASSWORD = "bench-admin-password";

	private final Path log;

	private final List<String> command = new ArrayList<>();

	private final int port = freePort();

	private Process process;

	private Duration startup;

	/**
	 * @param name names the log, the JFR file and the mappings folder in {@code work}
	 * @param processLeads whether the pipeline and the delivery engine run
	 */
	PackagedEngine(Path work, String name, String database, MockServers mocks, boolean processLeads,
			BenchOptions options) throws IOException {
		this.log = work.resolve(name + ".log");
		Path mappings = Files.createDirectories(work.resolve(name + "-mappings"));
		Files.writeString(mappings.resolve("bench.yaml"), """
				id: bench
				destination: crm
				fields:
				  email: {answer: email, transforms: [trim, lower], required: true}
				  firstname: {answer: full_name, transforms: [{split_name: first}, title]}
				  lastname: {answer: full_name, transforms: [{split_name: last}, title]}
				  lead_source: {template: "{{campaign_name}} ({{platform}})"}
				""");
		this.command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (!options.heap().isEmpty()) {
			this.command.add("-Xmx" + options.heap());
		}
		if (options.profile()) {
			this.command.add("-XX:StartFlightRecording=filename=" + work.toAbsolutePath().resolve(name + ".jfr")
					+ ",settings=profile");
		}
		this.command.addAll(List.of("-jar", options.jar().toString(), "--server.port=" + this.port,
				"--spring.datasource.url=" + database,
				"--spring.datasource.username=" + (database.startsWith("jdbc:postgresql") ? "postgres" : "sa"),
				"--camel.main.routes-include-pattern=file:routes/*.yaml,file:bench/routes/*.yaml",
				"--leadrelay.graph.base-url=" + mocks.graphUrl(), "--leadrelay.mapping.directory=" + mappings,
				"--leadrelay.meta.app-secrets=" + LeadgenNotifications.SECRET,
				"--leadrelay.security.bootstrap-admin-password=" + ADMIN_PASSWORD,
				"--leadrelay.crypto.keys.k1=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
				"--leadrelay.pipeline.enabled=" + processLeads, "--leadrelay.delivery.enabled=" + processLeads,
				"--leadrelay.backfill.interval=24h", "--logging.level.root=WARN",
				// The stand-in CRM listens on loopback, which destinations may not reach
				// unless allowed.
				"--leadrelay.delivery.allowed-networks=127.0.0.0/8",
				"--logging.level.io.leadrelay.LeadRelayApplication=INFO"));
		this.command.addAll(options.engineArguments());
	}

	/** Starts the engine and waits until {@code /actuator/health} answers UP. */
	void start() throws IOException {
		long started = System.nanoTime();
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
		HttpClient http = HttpClient.newHttpClient();
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The engine exited; see " + this.log);
			}
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
							HttpResponse.BodyHandlers.ofString())
					.body()
					.contains("\"UP\"")) {
					break;
				}
			}
			catch (IOException ex) {
				LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.startup = Duration.ofNanos(System.nanoTime() - started);
	}

	/** From launching the process to health UP, for the last {@link #start()}. */
	Duration startup() {
		return this.startup;
	}

	/** The start-up time Spring Boot logged, in seconds. */
	String startedInSeconds() throws IOException {
		Matcher matcher = Pattern.compile("Started \\w+ in ([0-9.]+) seconds").matcher(Files.readString(this.log));
		return matcher.find() ? matcher.group(1) : "?";
	}

	/** Adds the page and the HubSpot destination (the mock CRM) through the admin API. */
	void configure(MockServers mocks) throws IOException, InterruptedException {
		admin("/api/v1/pages",
				"{\"pageId\":\"" + LeadgenNotifications.PAGE + "\",\"name\":\"Bench\",\"accessToken\":\"EAAG-bench\"}");
		admin("/api/v1/destinations",
				"{\"id\":\"crm\",\"name\":\"CRM\",\"type\":\"hubspot\",\"settings\":{\"baseUrl\":\"" + mocks.crmUrl()
						+ "\"},\"credentials\":{\"accessToken\":\"pat-bench\"}}");
	}

	private void admin(String path, String body) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	/** The highest resident set size of the engine so far (Linux VmHWM), in MiB. */
	long peakRssMiB() throws IOException {
		return Files.readAllLines(Path.of("/proc/" + this.process.pid() + "/status"))
			.stream()
			.filter((line) -> line.startsWith("VmHWM:"))
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
			.findFirst()
			.orElse(-1L);
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	void stop() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
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
