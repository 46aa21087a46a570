package io.leadrelay.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh engine with the pipeline and the delivery engine on and instant stand-ins:
 * webhooks paced at {@code --e2e-rate}, each lead's latency from sending its webhook to
 * the CRM answering for it.
 */
final class EndToEndPhase {

	private EndToEndPhase() {
	}

	/**
	 * Warms up the whole path at the end-to-end pace with the stand-ins as they are (the
	 * JIT compiles the engine's code only after it ran a while), lets those leads reach
	 * the CRM, then forgets them.
	 */
	static void warmUp(PackagedEngine engine, MockServers mocks, BenchOptions options) {
		Measurement warmup = LoadGenerator.load(engine.url("/webhooks/meta"), options.e2eConcurrency(),
				Duration.ofSeconds(options.warmup()), null, options.e2eRate());
		Delivered.waitUntil(() -> mocks.received().size() >= warmup.ok(), Duration.ofSeconds(options.drainTimeout()));
		mocks.reset();
	}

	static void run(Path work, BenchStore store, MockServers mocks, BenchOptions options, ResultTable table)
			throws Exception {
		mocks.latencies(0, 0);
		PackagedEngine engine = new PackagedEngine(work, "e2e", store, mocks, options, List.of());
		engine.start(options.jar());
		engine.configure(mocks, true);
		warmUp(engine, mocks, options);
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		Measurement webhooks = LoadGenerator.load(engine.url("/webhooks/meta"), options.e2eConcurrency(),
				Duration.ofSeconds(options.e2eSeconds()), (id) -> sentAt.put(Long.toString(id), System.nanoTime()),
				options.e2eRate());
		Delivered.waitUntil(() -> Delivered.arrived(mocks, sentAt) >= webhooks.ok(),
				Duration.ofSeconds(options.drainTimeout()));
		Measurement delivered = Delivered.since(mocks, sentAt, start);
		String phase = (options.e2eRate() > 0) ? String.format(Locale.ROOT, "e2e at %.0f/s, instant", options.e2eRate())
				: "e2e unpaced, instant";
		table.add(phase, store.name(), "leads/s into the CRM", delivered.rate("leads/s"), "", "", null);
		double p99 = delivered.percentileMillis(99);
		table.add(phase, store.name(), "p50 / p99 webhook→CRM",
				delivered.percentile(50) + " / " + delivered.percentile(99), "", "p99 ≤ 250 ms",
				delivered.ok() == webhooks.ok() && p99 <= 250);
		table.note(phase, store.name(),
				String.format(Locale.ROOT, "%d of %d acknowledged leads in the CRM, %d received again; webhooks %s",
						delivered.ok(), webhooks.ok(), mocks.receivedAgain(), webhooks.rate("req/s")));
		long rss = engine.peakRssMiB();
		table.add(phase, store.name(), "peak RSS", rss + " MiB", "", "≤ 400 MiB", rss <= 400);
		engine.stop();
	}

}
