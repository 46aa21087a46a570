package io.leadrelay.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Locale;

/**
 * Start-up, the bare endpoint of the same stack (the ceiling) and signed-webhook ingest,
 * with the pipeline off so that only ingest is measured; with {@code --preload}, ingest
 * again with that many more leads stored.
 */
final class IngestPhase {

	private IngestPhase() {
	}

	static void run(String db, String url, Path work, MockServers mocks, BenchOptions options, ResultTable table)
			throws Exception {
		PackagedEngine ingest = new PackagedEngine(work, "ingest", url, mocks, false, options);
		ingest.start();
		table.add(db, "start-up (process start to health UP)", ingest.startup().toMillis() + " ms", null,
				"Spring Boot says: started in " + ingest.startedInSeconds() + " s");
		LoadGenerator.load(ingest.url("/webhooks/bench-bare"), options.concurrency(),
				Duration.ofSeconds(options.warmup()), null);
		Measurement bare = LoadGenerator.load(ingest.url("/webhooks/bench-bare"), options.concurrency(),
				Duration.ofSeconds(options.seconds()), null);
		table.add(db, "bare endpoint, same stack (ceiling)", bare.rate("req/s"), bare, "");
		LoadGenerator.load(ingest.url("/webhooks/meta"), options.concurrency(), Duration.ofSeconds(options.warmup()),
				null);
		Measurement webhooks = LoadGenerator.load(ingest.url("/webhooks/meta"), options.concurrency(),
				Duration.ofSeconds(options.seconds()), null);
		table.add(db, "ingest: signed webhook verified, stored, 200", webhooks.rate("req/s"), webhooks, String
			.format(Locale.ROOT, "%.0f%% of the bare endpoint", 100.0 * webhooks.perSecond() / bare.perSecond()));
		if (options.preload() > 0) {
			preloaded(db, url, ingest, options, table, webhooks);
		}
		table.add(db, "peak RSS (ingest engine)", ingest.peakRssMiB() + " MiB", null, "");
		ingest.stop();
	}

	/**
	 * Stores {@code options.preload} more leads directly in the database (with the engine
	 * stopped for H2, whose file it locks), then measures ingest again.
	 */
	private static void preloaded(String db, String url, PackagedEngine engine, BenchOptions options, ResultTable table,
			Measurement before) throws Exception {
		boolean h2 = url.startsWith("jdbc:h2");
		if (h2) {
			engine.stop();
		}
		long started = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, h2 ? "sa" : "postgres", "");
				PreparedStatement insert = connection.prepareStatement(
						"""
								INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value)
								SELECT CAST(800000000000000 + X AS VARCHAR(32)), '%s', '%s', CURRENT_TIMESTAMP, 'webhook', 'mapped', '{}'
								FROM %s"""
							.formatted(LeadgenNotifications.PAGE, LeadgenNotifications.FORM,
									h2 ? "SYSTEM_RANGE(1, ?) R" : "generate_series(1, ?) AS R(X)"))) {
			insert.setInt(1, options.preload());
			insert.executeUpdate();
		}
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;
		if (h2) {
			engine.start();
		}
		LoadGenerator.load(engine.url("/webhooks/meta"), options.concurrency(), Duration.ofSeconds(options.warmup()),
				null);
		Measurement after = LoadGenerator.load(engine.url("/webhooks/meta"), options.concurrency(),
				Duration.ofSeconds(options.seconds()), null);
		table.add(db, String.format(Locale.ROOT, "ingest with %,d more leads stored", options.preload()),
				after.rate("req/s"), after, String.format(Locale.ROOT, "%.0f%% of the rate before (preloaded in %d s)",
						100.0 * after.perSecond() / before.perSecond(), seconds));
	}

}
