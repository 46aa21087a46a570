package io.leadrelay.bench;

import java.util.Locale;
import java.util.Map;

/**
 * What one measurement gave: requests (or leads) that succeeded and failed, over how many
 * seconds, with each latency in nanoseconds, or the percentiles wrk quoted instead.
 */
record Measurement(long ok, long failed, double seconds, long[] latencies, Map<Integer, String> quoted) {

	Measurement(long ok, long failed, double seconds, long[] latencies) {
		this(ok, failed, seconds, latencies, Map.of());
	}

	double perSecond() {
		return this.ok / this.seconds;
	}

	String rate(String unit) {
		return String.format(Locale.ROOT, "%,.0f %s", perSecond(), unit);
	}

	String percentile(int p) {
		if (this.quoted.containsKey(p)) {
			return this.quoted.get(p);
		}
		double millis = percentileMillis(p);
		return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.1f ms", millis);
	}

	/** The percentile in milliseconds, NaN when nothing was measured. */
	double percentileMillis(int p) {
		if (this.quoted.containsKey(p)) {
			return Double.parseDouble(this.quoted.get(p).replace(" ms", ""));
		}
		if (this.latencies.length == 0) {
			return Double.NaN;
		}
		long nanos = this.latencies[Math.min(this.latencies.length - 1, (int) (this.latencies.length * p / 100.0))];
		return nanos / 1e6;
	}

}
