package io.leadrelay.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A fresh engine with the pipeline and the delivery engine on: leads/s into the CRM and
 * each lead's latency from sending its webhook to the CRM receiving it.
 */
final class EndToEndPhase {

	private EndToEndPhase() {
	}

	static void run(String db, PackagedEngine engine, MockServers mocks, BenchOptions options, ResultTable table) {
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		// Warm up the same path at the same pace (the JIT compiles the engine's code only
		// after it ran a while), let the backlog drain, then measure.
		Measurement warmup = LoadGenerator.load(engine.url("/webhooks/meta"), options.e2eConcurrency(),
				Duration.ofSeconds(options.warmup()), null, options.e2eRate());
		long drained = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (mocks.received().size() < warmup.ok() && System.nanoTime() < drained) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		mocks.received().clear();
		long start = System.nanoTime();
		Measurement webhooks = LoadGenerator.load(engine.url("/webhooks/meta"), options.e2eConcurrency(),
				Duration.ofSeconds(options.e2eSeconds()), (id) -> sentAt.put(Long.toString(id), System.nanoTime()),
				options.e2eRate());
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (mocks.received().keySet().stream().filter(sentAt::containsKey).count() < webhooks.ok()
				&& System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		long stopped = start + (long) (webhooks.seconds() * 1e9);
		long last = mocks.received().values().stream().mapToLong(Long::longValue).max().orElse(start);
		long afterStop = mocks.received().values().stream().filter((at) -> at > stopped).count();
		double drainRate = (last > stopped) ? afterStop / ((last - stopped) / 1e9) : 0;
		long[] latencies = mocks.received()
			.entrySet()
			.stream()
			.filter((entry) -> sentAt.containsKey(entry.getKey()))
			.mapToLong((entry) -> entry.getValue() - sentAt.get(entry.getKey()))
			.sorted()
			.toArray();
		double seconds = (last - start) / 1e9;
		Measurement delivered = new Measurement(latencies.length, 0, seconds, latencies);
		String what = (options.e2eRate() > 0)
				? String.format(Locale.ROOT, "end to end, webhooks paced at %.0f/s (leads/s, webhook-to-CRM latency)",
						options.e2eRate())
				: "end to end, webhooks as fast as they are answered (leads/s, webhook-to-CRM latency)";
		table.add(db, what, delivered.rate("leads/s"), delivered,
				String.format(Locale.ROOT,
						"%d of %d acknowledged leads in the CRM; webhooks meanwhile %s; after the webhooks stopped, "
								+ "the backlog drained at %,.0f leads/s",
						latencies.length, webhooks.ok(), webhooks.rate("req/s"), drainRate));
	}

}
