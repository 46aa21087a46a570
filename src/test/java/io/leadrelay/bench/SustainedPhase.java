package io.leadrelay.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * End to end with stand-ins that take their time (Graph {@code --graph-latency}, CRM
 * {@code --crm-latency}): webhooks for {@code --sustained-seconds}, as fast as answered
 * or at {@code --sustained-rate}, to a HubSpot destination allowed 25 calls/s (HubSpot's
 * 250 calls per 10 s with the API limit increase); leads/s delivered, latency, and every
 * acknowledged lead exactly once.
 */
final class SustainedPhase {

	static final String HUBSPOT_25 = "--leadrelay.delivery.rate-limits.hubspot=25";

	private SustainedPhase() {
	}

	static void run(Path work, BenchStore store, MockServers mocks, BenchOptions options, ResultTable table)
			throws Exception {
		mocks.latencies(0, 0);
		PackagedEngine engine = new PackagedEngine(work, "sustained", store, mocks, options, List.of(HUBSPOT_25));
		engine.start(options.jar());
		engine.configure(mocks, true);
		EndToEndPhase.warmUp(engine, mocks, options);
		mocks.latencies(options.graphLatency(), options.crmLatency());
		mocks.reset();
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		Measurement webhooks = LoadGenerator.load(engine.url("/webhooks/meta"), options.sustainedConcurrency(),
				Duration.ofSeconds(options.sustainedSeconds()),
				(id) -> sentAt.put(Long.toString(id), System.nanoTime()), options.sustainedRate());
		boolean all = Delivered.waitUntil(() -> Delivered.arrived(mocks, sentAt) >= webhooks.ok(),
				Duration.ofSeconds(options.drainTimeout()));
		long graphCalls = mocks.graphCalls();
		Measurement delivered = Delivered.since(mocks, sentAt, start);
		String phase = "e2e sustained, latency";
		boolean exactlyOnce = all && mocks.receivedAgain() == 0;
		table.add(phase, store.name(), "leads/s into the CRM", delivered.rate("leads/s"), "", "≥ 2,000 leads/s",
				exactlyOnce && delivered.perSecond() >= 2000);
		table.add(phase, store.name(), "p50 / p99 webhook→CRM",
				delivered.percentile(50) + " / " + delivered.percentile(99), "", "", null);
		table.add(phase, store.name(), "acknowledged leads in the CRM exactly once",
				String.format(Locale.ROOT, "%d of %d, %d again", delivered.ok(), webhooks.ok(), mocks.receivedAgain()),
				"", "all, once", exactlyOnce);
		table.note(phase, store.name(),
				String.format(Locale.ROOT,
						"webhooks %s for %d s on %d connections; %s; %d Graph calls (%.1f leads per call)%s",
						webhooks.rate("req/s"), options.sustainedSeconds(), options.sustainedConcurrency(),
						HUBSPOT_25.substring(2), graphCalls, (double) delivered.ok() / Math.max(1, graphCalls),
						all ? "" : "; not all arrived within --drain-timeout " + options.drainTimeout() + " s"));
		long rss = engine.peakRssMiB();
		table.add(phase, store.name(), "peak RSS", rss + " MiB", "", "≤ 400 MiB", rss <= 400);
		engine.stop();
	}

}
