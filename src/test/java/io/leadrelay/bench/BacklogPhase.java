package io.leadrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The CRM away, then back: {@code --backlog} webhooks while the destination is disabled
 * (its deliveries wait, untried), the pipeline maps them all (Graph answering at once:
 * the drain is what is measured), then the destination is enabled through the admin API
 * and the leads drain to a CRM answering after {@code --crm-latency}.
 */
final class BacklogPhase {

	private BacklogPhase() {
	}

	static void run(Path work, BenchStore store, MockServers mocks, BenchOptions options, ResultTable table)
			throws Exception {
		String phase = String.format(Locale.ROOT, "backlog of %,d", options.backlog());
		if (store.h2()) {
			table.note(phase, store.name(), "not run: the bench cannot count H2's deliveries while the engine runs");
			return;
		}
		mocks.latencies(0, options.crmLatency());
		PackagedEngine engine = new PackagedEngine(work, "backlog", store, mocks, options,
				List.of(SustainedPhase.HUBSPOT_25));
		engine.start(options.jar());
		engine.configure(mocks, false);
		mocks.reset();
		long sending = System.nanoTime();
		Measurement webhooks = LoadGenerator.count(engine.url("/webhooks/meta"), options.concurrency(),
				options.backlog());
		double sent = (System.nanoTime() - sending) / 1e9;
		try (Connection connection = engine.connect()) {
			boolean mapped = Delivered.waitUntil(() -> deliveries(connection) >= webhooks.ok(),
					Duration.ofSeconds(options.drainTimeout()));
			double mapping = (System.nanoTime() - sending) / 1e9;
			long waiting = deliveries(connection);
			long release = System.nanoTime();
			engine.enableDestination();
			boolean drained = Delivered.waitUntil(() -> mocks.received().size() >= waiting,
					Duration.ofSeconds(options.drainTimeout()));
			long last = mocks.received().values().stream().mapToLong(Long::longValue).max().orElse(release);
			double rate = mocks.received().size() / Math.max(1e-9, (last - release) / 1e9);
			boolean once = drained && mocks.receivedAgain() == 0;
			table.add(phase, store.name(), "drain rate after the CRM came back",
					String.format(Locale.ROOT, "%,.0f leads/s", rate), "", "≥ 2,000 leads/s", once && rate >= 2000);
			table.add(
					phase, store.name(), "waiting leads in the CRM exactly once", String.format(Locale.ROOT,
							"%d of %d, %d again", mocks.received().size(), waiting, mocks.receivedAgain()),
					"", "all, once", once);
			table.note(phase, store.name(), String.format(Locale.ROOT,
					"%d webhooks acknowledged in %.1f s (%d refused); %s after %.1f s; CRM answering after %d ms; %s",
					webhooks.ok(), sent, webhooks.failed(),
					mapped ? "all mapped" : "only " + waiting + " mapped within --drain-timeout", mapping,
					options.crmLatency(), SustainedPhase.HUBSPOT_25.substring(2)));
		}
		long rss = engine.peakRssMiB();
		table.add(phase, store.name(), "peak RSS", rss + " MiB", "", "≤ 400 MiB", rss <= 400);
		engine.stop();
	}

	/** Deliveries made so far (one destination, so one per mapped lead). */
	private static long deliveries(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM delivery")) {
			count.next();
			return count.getLong(1);
		}
		catch (SQLException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
