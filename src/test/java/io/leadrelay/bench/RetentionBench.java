package io.leadrelay.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.leadrelay.audit.BenchSealing;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times the retention purge (bench/retention.sh; see bench/README.md): fills PostgreSQL
 * with {@code --rows} rows due for purge (a quarter each: leads with their contact terms,
 * their deliveries, delivery attempts and audit entries), starts the packaged engine on
 * it, sends signed webhooks at a steady rate in chunks of {@value #CHUNK_SECONDS} s, and
 * sorts each chunk's latencies into before, during and after the purge, which the
 * engine's timer starts {@code --first-run-delay} after it starts.
 */
public final class RetentionBench {

	static final int CHUNK_SECONDS = 2;

	private RetentionBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int rows = Integer.parseInt(options.getOrDefault("--rows", "1000000"));
		double rate = Double.parseDouble(options.getOrDefault("--rate", "50"));
		int connections = Integer.parseInt(options.getOrDefault("--connections", "4"));
		String delay = options.getOrDefault("--first-run-delay", "120s");
		String batch = options.getOrDefault("--batch-size", "1000");
		Path work = Files.createDirectories(Path.of("target", "bench", "retention-" + System.currentTimeMillis()));
		List<String> lines = new ArrayList<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start(); HikariDataSource data = new HikariDataSource(); MockServers mocks = new MockServers()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			data.setJdbcUrl(url);
			data.setUsername("postgres");
			Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(data);
			long started = System.nanoTime();
			fill(jdbc, rows / 4);
			int sealed = BenchSealing.sealAll(data);
			jdbc.execute("ANALYZE");
			lines.add(line("fill " + String.format(Locale.ROOT, "%,d", rows) + " rows due (+ " + sealed
					+ " audit entries sealed)", seconds(started), "", "", ""));
			BenchOptions engineOptions = BenchOptions.parse(new String[] { "--jar", options.get("--jar"),
					"--engine-arg", "--leadrelay.retention.first-run-delay=" + delay, "--engine-arg",
					"--leadrelay.retention.batch-size=" + batch, "--engine-arg",
					"--logging.level.io.leadrelay.retention=INFO" });
			PackagedEngine engine = new PackagedEngine(work, "retention", BenchStore.at(url, work), mocks,
					engineOptions, List.of("--leadrelay.pipeline.enabled=false", "--leadrelay.delivery.enabled=false"));
			engine.start(engineOptions.jar());
			measure(jdbc, engine, rate, connections, lines);
			engine.stop();
		}
		lines.add(0, String.format(Locale.ROOT, "%-58s %10s %10s %10s %10s", "what", "seconds", "req or rows/s",
				"p50 ms", "p99 ms"));
		Files.write(Path.of("target", "bench", "retention.txt"), lines);
		LoggerFactory.getLogger(RetentionBench.class).info("\n{}", String.join("\n", lines));
	}

	/**
	 * Each quarter of the rows due: leads (200 days old), deliveries, attempts, audit.
	 */
	private static void fill(JdbcTemplate jdbc, int n) {
		jdbc.update(
				"""
						INSERT INTO lead (leadgen_id, page_id, form_id, answers, enriched_at)
						SELECT CAST(500000000000000 + g AS VARCHAR), '100200300400500', '700000000000011',
						  '{"email":"lead-' || g || '@example.com","full_name":"Lead Person' || g || '","phone_number":"+49151' || g || '"}',
						  now() - interval '200 days' + g * interval '1 second'
						FROM generate_series(1, ?) g""",
				n);
		jdbc.update("""
				INSERT INTO lead_contact (leadgen_id, kind, term)
				SELECT CAST(500000000000000 + g AS VARCHAR), 'email', 'lead-' || g || '@example.com'
				FROM generate_series(1, ?) g""", n);
		// Four in five delivered 150 days ago; one in five a dead letter that ended 190
		// days ago.
		jdbc.update(
				"""
						INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status, attempts,
						    last_error, created_at, updated_at, delivered_at, retry_from, event_at)
						SELECT CAST(500000000000000 + g AS VARCHAR), 'crm', 'bench', 1, '{"email":"lead-' || g || '@example.com"}',
						  CASE WHEN g % 5 = 0 THEN 'dead' ELSE 'delivered' END, 1,
						  CASE WHEN g % 5 = 0 THEN '400: invalid email lead-' || g || '@example.com' END,
						  now() - interval '199 days', CASE WHEN g % 5 = 0 THEN now() - interval '190 days' ELSE now() - interval '150 days' END,
						  CASE WHEN g % 5 = 0 THEN NULL ELSE now() - interval '150 days' END,
						  now() - interval '199 days', now() - interval '199 days'
						FROM generate_series(1, ?) g""",
				n);
		jdbc.update(
				"""
						INSERT INTO delivery_attempt (delivery_id, started_at, duration_ms, outcome, http_status, message)
						SELECT id, now() - interval '160 days', 120, CASE WHEN status = 'dead' THEN 'rejected' ELSE 'delivered' END,
						  CASE WHEN status = 'dead' THEN 400 ELSE 200 END, last_error
						FROM delivery""");
		jdbc.update("""
				INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, details)
				SELECT now() - interval '800 days' + g * interval '1 second', 'system', 'lead_event.received', 'lead',
				  CAST(500000000000000 + g AS VARCHAR), '{"source":"webhook"}'
				FROM generate_series(1, ?) g""", n);
	}

	private static void measure(JdbcTemplate jdbc, PackagedEngine engine, double rate, int connections,
			List<String> lines) throws Exception {
		String webhook = engine.url("/webhooks/meta");
		long attemptsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt", Long.class);
		// Warm-up: the JIT and the pools, not measured.
		LoadGenerator.load(webhook, connections, Duration.ofSeconds(20), null, rate);
		List<Measurement> before = new ArrayList<>();
		List<Measurement> during = new ArrayList<>();
		List<Measurement> after = new ArrayList<>();
		int afterChunks = 10;
		while (after.size() < afterChunks) {
			boolean finishedBefore = finished(jdbc) != null;
			Measurement chunk = LoadGenerator.load(webhook, connections, Duration.ofSeconds(CHUNK_SECONDS), null, rate);
			boolean startedAfter = started(jdbc);
			if (!startedAfter) {
				before.add(chunk);
			}
			else if (finishedBefore) {
				after.add(chunk);
			}
			else {
				// Overlaps the purge (mostly inside it: chunks are short).
				during.add(chunk);
			}
		}
		Map<String, Object> run = finished(jdbc);
		double purgeSeconds = ((Number) run.get("millis")).doubleValue() / 1000;
		long deliveries = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE payload = '{}'", Long.class)
				+ ((Number) run.get("deadLetters")).longValue();
		long attempts = attemptsBefore - jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt", Long.class);
		long touched = ((Number) run.get("leads")).longValue() + deliveries + attempts
				+ ((Number) run.get("auditEntries")).longValue();
		LoggerFactory.getLogger(RetentionBench.class).info("Purge run: {}", run);
		lines.add(line(
				"purge: leads " + run.get("leads") + ", dead letters " + run.get("deadLetters") + ", attempts "
						+ run.get("attempts") + ", audit " + run.get("auditEntries"),
				purgeSeconds, String.format(Locale.ROOT, "%,.0f", touched / purgeSeconds), "", ""));
		lines.add(line(String.format(Locale.ROOT, "rows purged (leads + deliveries + attempts + audit): %,d", touched),
				purgeSeconds, "", "", ""));
		lines.add(webhooks("webhooks before the purge", merge(before)));
		lines.add(webhooks("webhooks during the purge", merge(during)));
		lines.add(webhooks("webhooks after the purge", merge(after)));
	}

	private static boolean started(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'retention'", Long.class) > 0;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> finished(JdbcTemplate jdbc) throws Exception {
		List<String> details = jdbc.queryForList(
				"SELECT details FROM audit_event WHERE action = 'retention.purged' ORDER BY id", String.class);
		return details.isEmpty() ? null : new ObjectMapper().readValue(details.get(0), Map.class);
	}

	private static Measurement merge(List<Measurement> chunks) {
		long[] all = chunks.stream().flatMapToLong((chunk) -> LongStream.of(chunk.latencies())).sorted().toArray();
		return new Measurement(chunks.stream().mapToLong(Measurement::ok).sum(),
				chunks.stream().mapToLong(Measurement::failed).sum(),
				chunks.stream().mapToDouble(Measurement::seconds).sum(), all);
	}

	private static String webhooks(String what, Measurement measured) {
		return line(what + " (" + measured.ok() + " ok, " + measured.failed() + " failed)", measured.seconds(),
				measured.rate("req/s"), measured.percentile(50), measured.percentile(99));
	}

	private static String line(String what, Object seconds, String rate, String p50, String p99) {
		String time = (seconds instanceof Double value) ? String.format(Locale.ROOT, "%.1f", value) : "" + seconds;
		return String.format(Locale.ROOT, "%-58s %10s %10s %10s %10s", what, time, rate, p50, p99);
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		return options;
	}

}
