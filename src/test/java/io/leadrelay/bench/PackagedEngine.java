package io.leadrelay.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The packaged engine ({@code --jar}) as a separate process, on the stand-ins and a
 * database of its own, with one mapping and its log in the run's folder.
 */
final class PackagedEngine {

	private static final String ADMIN_PASSWORD = "bench-admin-password";

	private final String name;

	private final BenchStore store;

	private final List<String> arguments = new ArrayList<>();

	private final List<String> jvmOptions = new ArrayList<>();

	private final Path log;

	private JavaProcess process;

	/**
	 * @param name names the log, the JFR file, the database and the mappings folder in
	 * {@code work}
	 * @param settings more engine settings ({@code --key=value}), such as
	 * {@code --leadrelay.pipeline.enabled=false}
	 */
	PackagedEngine(Path work, String name, BenchStore store, MockServers mocks, BenchOptions options,
			List<String> settings) throws IOException, SQLException {
		this.name = name;
		this.store = store;
		this.log = work.toAbsolutePath().resolve(name + ".log");
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
		if (!options.heap().isEmpty()) {
			this.jvmOptions.add("-Xmx" + options.heap());
		}
		if (options.profile()) {
			this.jvmOptions.add("-XX:StartFlightRecording=filename=" + work.toAbsolutePath().resolve(name + ".jfr")
					+ ",settings=profile");
		}
		this.arguments.addAll(store.engineArguments(name));
		this.arguments.addAll(List.of("--camel.main.routes-include-pattern=file:routes/*.yaml,file:bench/routes/*.yaml",
				"--leadrelay.graph.base-url=" + mocks.graphUrl(), "--leadrelay.mapping.directory=" + mappings,
				"--leadrelay.meta.app-secrets=" + LeadgenNotifications.SECRET,
				"--leadrelay.security.bootstrap-admin-password=" + ADMIN_PASSWORD,
				"--leadrelay.crypto.keys.k1=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
				"--leadrelay.backfill.interval=24h", "--logging.level.root=WARN",
				// The stand-in CRM listens on loopback, which destinations may not reach
				// unless allowed.
				"--leadrelay.delivery.allowed-networks=127.0.0.0/8",
				"--logging.level.io.leadrelay.LeadRelayApplication=INFO"));
		this.arguments.addAll(settings);
		this.arguments.addAll(options.engineArguments());
	}

	/** Starts the engine from {@code --jar} and waits until its health is UP. */
	void start(Path jar) throws IOException {
		start(List.of("-jar", jar.toString()));
	}

	/**
	 * Starts the engine with {@code launch} (JVM options and {@code -jar <jar>}) and
	 * waits until its health is UP.
	 */
	void start(List<String> launch) throws IOException {
		List<String> command = new ArrayList<>(List.of(JavaProcess.java()));
		command.addAll(this.jvmOptions);
		command.addAll(launch);
		command.addAll(this.arguments);
		this.process = new JavaProcess(this.log, command);
		this.process.start(this.process.request("/actuator/health"), (response) -> response.body().contains("\"UP\""));
	}

	/** The JVM options and settings the engine starts with (for a CDS training run). */
	List<String> jvmOptions() {
		return List.copyOf(this.jvmOptions);
	}

	List<String> arguments() {
		return List.copyOf(this.arguments);
	}

	JavaProcess process() {
		return this.process;
	}

	Duration startup() {
		return this.process.startup();
	}

	double startedInSeconds() throws IOException {
		return this.process.startedInSeconds();
	}

	long peakRssMiB() throws IOException {
		return this.process.peakRssMiB();
	}

	String url(String path) {
		return this.process.url(path);
	}

	/** A connection to this engine's database (H2: only while it is stopped). */
	Connection connect() throws SQLException, IOException {
		return this.store.connect(this.name, this.process);
	}

	/**
	 * Adds the page and the HubSpot destination (the CRM stand-in) through the admin API;
	 * a destination not enabled keeps its deliveries waiting, untried.
	 */
	void configure(MockServers mocks, boolean destinationEnabled) throws IOException, InterruptedException {
		admin("POST", "/api/v1/pages",
				"{\"pageId\":\"" + LeadgenNotifications.PAGE + "\",\"name\":\"Bench\",\"accessToken\":\"EAAG-bench\"}");
		admin("POST", "/api/v1/destinations",
				"{\"id\":\"crm\",\"name\":\"CRM\",\"type\":\"hubspot\",\"enabled\":" + destinationEnabled
						+ ",\"settings\":{\"baseUrl\":\"" + mocks.crmUrl()
						+ "\"},\"credentials\":{\"accessToken\":\"pat-bench\"}}");
	}

	/** Lets the destination receive its waiting deliveries. */
	void enableDestination() throws IOException, InterruptedException {
		admin("PUT", "/api/v1/destinations/crm", "{\"enabled\":true}");
	}

	private void admin(String method, String path, String body) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(this.process.request(path)
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	void stop() throws InterruptedException {
		this.process.stop();
	}

}
