package io.leadrelay.dashboard;

import java.time.Duration;
import java.util.Arrays;

/**
 * The time from the webhook to the CRM of recent deliveries.
 *
 * @param deliveries how many deliveries the figures are taken from
 * @param p50 half of them took at most this long ({@code null} without deliveries)
 * @param p95 95 in 100 took at most this long ({@code null} without deliveries)
 * @param sampled whether only the newest deliveries were taken, there being more
 */
public record Latency(int deliveries, Duration p50, Duration p95, boolean sampled) {

	/** The figures of these durations in milliseconds, by the nearest-rank method. */
	static Latency of(long[] millis, boolean sampled) {
		if (millis.length == 0) {
			return new Latency(0, null, null, false);
		}
		long[] sorted = millis.clone();
		Arrays.sort(sorted);
		return new Latency(sorted.length, Duration.ofMillis(rank(sorted, 50)), Duration.ofMillis(rank(sorted, 95)),
				sampled);
	}

	private static long rank(long[] sorted, int percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

}
