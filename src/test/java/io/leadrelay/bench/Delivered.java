package io.leadrelay.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * What the CRM stand-in received of the leads whose webhooks were sent: how many, over
 * what time, and each one's latency from its webhook being sent to the CRM answering for
 * it.
 */
final class Delivered {

	private Delivered() {
	}

	/** Waits until {@code done} or {@code timeout} passed; whether it is done. */
	static boolean waitUntil(BooleanSupplier done, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		return true;
	}

	/** How many of the leads in {@code sentAt} reached the CRM. */
	static long arrived(MockServers mocks, Map<String, Long> sentAt) {
		return mocks.received().keySet().stream().filter(sentAt::containsKey).count();
	}

	/**
	 * The leads of {@code sentAt} in the CRM: count, the time from {@code start} to the
	 * last of them, and their latencies.
	 */
	static Measurement since(MockServers mocks, Map<String, Long> sentAt, long start) {
		long[] latencies = mocks.received()
			.entrySet()
			.stream()
			.filter((entry) -> sentAt.containsKey(entry.getKey()))
			.mapToLong((entry) -> entry.getValue() - sentAt.get(entry.getKey()))
			.sorted()
			.toArray();
		long last = mocks.received()
			.entrySet()
			.stream()
			.filter((entry) -> sentAt.containsKey(entry.getKey()))
			.mapToLong(Map.Entry::getValue)
			.max()
			.orElse(start);
		return new Measurement(latencies.length, 0, Math.max(1e-9, (last - start) / 1e9), latencies);
	}

}
