package io.leadrelay.support;

import java.time.Duration;
import java.util.List;

/**
 * Counts calls in sliding windows, to check a rate limit as the callee sees it.
 */
public final class CallWindows {

	private CallWindows() {
	}

	/**
	 * The most calls in any one-second window [t, t + 1 s).
	 * @param sortedNanos when each call came, in {@link System#nanoTime()}, ascending
	 * @return the count in the busiest window
	 */
	public static int busiestSecond(List<Long> sortedNanos) {
		int most = 0;
		int first = 0;
		for (int last = 0; last < sortedNanos.size(); last++) {
			while (sortedNanos.get(last) - sortedNanos.get(first) >= 1_000_000_000L) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	/**
	 * The shortest time in which {@code count} calls came.
	 * @param sortedNanos when each call came, in {@link System#nanoTime()}, ascending
	 * @param count how many calls
	 * @return the shortest span from the first to the last of {@code count} calls
	 */
	public static Duration shortestSpan(List<Long> sortedNanos, int count) {
		long shortest = Long.MAX_VALUE;
		for (int i = 0; i + count - 1 < sortedNanos.size(); i++) {
			shortest = Math.min(shortest, sortedNanos.get(i + count - 1) - sortedNanos.get(i));
		}
		return Duration.ofNanos(shortest);
	}

}
