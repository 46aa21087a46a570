package io.leadrelay.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadgenPayloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the process-level tests share: the mocks, the engine's set-up through its API, and
 * the checks of the promise (every acknowledged lead in the CRM once, with its whole
 * audit trail).
 */
final class ResilienceHarness implements AutoCloseable {

	static final List<String> AUDIT_TRAIL = List.of("lead_event.received", "lead.enriching", "delivery.pending",
			"lead.mapped", "delivery.delivered");

	private static final Logger log = LoggerFactory.getLogger(ResilienceHarness.class);

	static {
		// The JDK's HTTP server (the mocks) leaves Nagle's algorithm on: with delayed
		// ACKs
		// every mock answer would take 40 ms.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	final FakeGraphApi graph = new FakeGraphApi();

	final RecordingCrm crm = new RecordingCrm();

	final Path directory;

	final Path mappings;

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	ResilienceHarness(String name) {
		try {
			Path earlier = Path.of("target", "resilience", name);
			// A run without `clean` starts from nothing too: the last run's database
			// would
			// hold its leads and its page.
			FileSystemUtils.deleteRecursively(earlier);
			this.directory = Files.createDirectories(earlier).toAbsolutePath();
			this.mappings = Files.createDirectories(this.directory.resolve("mappings"));
			Files.writeString(this.mappings.resolve("crm-contacts.yaml"), """
					id: crm-contacts
					destination: crm
					fields:
					  email: {answer: email, transforms: [trim, lower], required: true}
					  firstname: {answer: full_name, transforms: [{split_name: first}]}
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path jar() {
		return Path.of(System.getProperty("leadrelay.jar", "target/leadrelay-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
	}

	/** Registers the page and the CRM destination through the engine's API. */
	void configure(EngineProcess engine) {
		admin(engine, "POST", "/api/v1/pages",
				"{\"pageId\":\"" + LeadgenPayloads.PAGE_ID + "\",\"name\":\"Acme\",\"accessToken\":\"EAAG-page-1\"}");
		admin(engine, "POST", "/api/v1/destinations", """
				{"id":"crm","name":"CRM","type":"hubspot","settings":{"baseUrl":"%s"},
				 "credentials":{"accessToken":"pat-na1-resilience"}}""".formatted(this.crm.baseUrl()));
	}

	String admin(EngineProcess engine, String method, String path, String body) {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + EngineProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + path))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/json")
				.method(method,
						(body != null) ? HttpRequest.BodyPublishers.ofString(body)
								: HttpRequest.BodyPublishers.noBody())
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Waits until the engine reports {@code leads} deliveries delivered. */
	void awaitDelivered(EngineProcess engine, int leads, Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
			JsonNode page = this.json
				.readTree(admin(engine, "GET", "/api/v1/deliveries?status=delivered&size=1", null));
			return page.get("totalItems").asInt() >= leads;
		});
	}

	/**
	 * Checks the promise against the CRM's records and the engine's database, and logs
	 * the counts.
	 */
	void assertNothingLost(String test, MetaLikeSender sender, String jdbcUrl, String user) throws SQLException {
		assertNothingLost(test, sender, () -> DriverManager.getConnection(jdbcUrl, user, ""));
	}

	/**
	 * Checks the promise against the CRM's records and the engine's database, and logs
	 * the counts.
	 */
	void assertNothingLost(String test, MetaLikeSender sender, DatabaseAccess database) throws SQLException {
		Set<String> acknowledged = sender.acknowledged();
		Map<String, Integer> creations = this.crm.creations();
		Set<String> missing = new HashSet<>();
		for (String leadgenId : acknowledged) {
			if (!creations.containsKey(FakeGraphApi.email(leadgenId))) {
				missing.add(leadgenId);
			}
		}
		long createdTwice = creations.values().stream().filter((count) -> count > 1).count();
		Map<String, Set<String>> trails = auditTrails(database);
		List<String> incomplete = new ArrayList<>();
		for (String leadgenId : acknowledged) {
			if (!trails.getOrDefault(leadgenId, Set.of()).containsAll(AUDIT_TRAIL)) {
				incomplete.add(leadgenId);
			}
		}
		log.info("{}: sent {} requests ({} refused or unanswered while down), acknowledged {} leads, {} resent "
				+ "after their 200 as Meta does; CRM: {} contacts, {} upserts of an existing contact (at-least-once "
				+ "resends absorbed), {} answers that were 503/429; lost {}, created twice {}, incomplete audit "
				+ "trails {}", test, sender.requests(), sender.failures(), acknowledged.size(), sender.duplicates(),
				creations.size(), this.crm.updates(), this.crm.refused(), missing.size(), createdTwice,
				incomplete.size());
		assertThat(missing).as("acknowledged leads missing in the CRM").isEmpty();
		assertThat(createdTwice).as("contacts created twice").isZero();
		assertThat(creations).as("CRM contacts").hasSize(acknowledged.size());
		assertThat(incomplete).as("leads without a complete audit trail").isEmpty();
	}

	private static Map<String, Set<String>> auditTrails(DatabaseAccess database) throws SQLException {
		Map<String, Set<String>> trails = new HashMap<>();
		try (Connection connection = database.open();
				PreparedStatement statement = connection
					.prepareStatement("SELECT subject_id, action FROM audit_event WHERE subject_type = 'lead'");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				trails.computeIfAbsent(rows.getString(1), (key) -> new HashSet<>()).add(rows.getString(2));
			}
		}
		return trails;
	}

	/** Opens a connection to the engine's database. */
	@FunctionalInterface
	interface DatabaseAccess {

		Connection open() throws SQLException;

	}

	@Override
	public void close() {
		this.graph.close();
		this.crm.close();
	}

}
