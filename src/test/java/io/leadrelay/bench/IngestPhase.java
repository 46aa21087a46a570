package io.leadrelay.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Signed-webhook ingest with the pipeline and delivery off, so that only ingest is
 * measured; with {@code --preload}, ingest again with that many more leads stored.
 */
final class IngestPhase {

	private IngestPhase() {
	}

	static void run(Path work, BenchStore store, MockServers mocks, BenchOptions options, ResultTable table,
			Ceiling ceiling) throws Exception {
		PackagedEngine engine = new PackagedEngine(work, "ingest", store, mocks, options,
				List.of("--leadrelay.pipeline.enabled=false", "--leadrelay.delivery.enabled=false"));
		engine.start(options.jar());
		Measurement before = measure(engine, options);
		report(table, "ingest", store.name(), before, ceiling);
		if (options.preload() > 0) {
			if (store.h2()) {
				engine.stop();
			}
			double seconds = Preload.run(engine, store.h2(), options.preload());
			if (store.h2()) {
				engine.start(options.jar());
			}
			table.note("ingest", store.name(),
					String.format(Locale.ROOT,
							"%,d leads preloaded in %.1f s (INSERT ... SELECT in chunks of a million, then ANALYZE)",
							options.preload(), seconds));
			Measurement after = measure(engine, options);
			String phase = String.format(Locale.ROOT, "ingest, %,d stored", options.preload());
			report(table, phase, store.name(), after, ceiling);
			double change = after.perSecond() / before.perSecond() - 1;
			table.add(phase, store.name(), "change from ingest without them",
					String.format(Locale.ROOT, "%+.0f%%", 100 * change), "", "±10%", Math.abs(change) <= 0.10);
		}
		long rss = engine.peakRssMiB();
		table.add("ingest", store.name(), "peak RSS", rss + " MiB", "", "≤ 400 MiB", rss <= 400);
		engine.stop();
	}

	private static Measurement measure(PackagedEngine engine, BenchOptions options) {
		LoadGenerator.load(engine.url("/webhooks/meta"), options.concurrency(), Duration.ofSeconds(options.warmup()),
				null);
		return LoadGenerator.load(engine.url("/webhooks/meta"), options.concurrency(),
				Duration.ofSeconds(options.seconds()), null);
	}

	private static void report(ResultTable table, String phase, String store, Measurement load, Ceiling ceiling) {
		table.add(phase, store, "requests/s", load.rate("req/s") + PlainPhase.failed(load),
				Ceiling.share(load.perSecond(), ceiling.perSecond), "≥ 40% of plain",
				Double.isNaN(ceiling.perSecond) ? null : load.perSecond() >= 0.4 * ceiling.perSecond);
		double p99 = load.percentileMillis(99);
		table.add(phase, store, "p50 / p99", load.percentile(50) + " / " + load.percentile(99),
				Ceiling.times(p99, ceiling.p99), "p99 ≤ 20 ms", p99 <= 20);
	}

}
