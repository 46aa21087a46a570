package io.leadrelay.pipeline;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pipeline works through stored lead events.
 *
 * @param enabled whether this engine processes leads; an engine with {@code false} only
 * receives webhooks, and other engines on the same database do the processing
 * @param concurrency how many leads are mapped (and stored) at once: each holds a
 * database connection
 * @param batchSize how many lead events one claim takes
 * @param maxInFlight how many claimed leads may be worked at once (read from the Graph
 * API, waiting for it, or being mapped); the pipeline claims more only below it
 * @param lease how long a claim holds; a crashed worker's leads come back after it
 * @param pollInterval how often idle workers look for due leads
 * @param retrySchedule waits between tries after a transient Graph API failure, the last
 * one repeating
 * @param retryHorizon how long after its arrival a lead is retried before it fails
 */
@ConfigurationProperties("leadrelay.pipeline")
record PipelineProperties(@DefaultValue("true") boolean enabled, @DefaultValue("6") int concurrency,
		@DefaultValue("100") int batchSize, @DefaultValue("1000") int maxInFlight, @DefaultValue("2m") Duration lease,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue( {
				"10s", "30s", "1m", "5m", "15m", "1h" }) List<Duration> retrySchedule,
		@DefaultValue("72h") Duration retryHorizon){

	public PipelineProperties {
		retrySchedule = List.copyOf(retrySchedule);
		check(concurrency >= 1 && concurrency <= 64, "leadrelay.pipeline.concurrency must be between 1 and 64");
		check(batchSize >= 1 && batchSize <= 1000, "leadrelay.pipeline.batch-size must be between 1 and 1000");
		check(maxInFlight >= batchSize && maxInFlight <= 100_000,
				"leadrelay.pipeline.max-in-flight must be between leadrelay.pipeline.batch-size and 100000");
		check(lease.compareTo(Duration.ofSeconds(10)) >= 0, "leadrelay.pipeline.lease must be at least 10s");
		check(!pollInterval.isNegative() && pollInterval.compareTo(Duration.ofMillis(50)) >= 0,
				"leadrelay.pipeline.poll-interval must be at least 50ms");
		check(!retrySchedule.isEmpty() && retrySchedule.stream().noneMatch((d) -> d.isNegative() || d.isZero()),
				"leadrelay.pipeline.retry-schedule must list one or more positive durations");
		check(retryHorizon.compareTo(Duration.ofMinutes(1)) >= 0,
				"leadrelay.pipeline.retry-horizon must be at least 1m");
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * The wait before the next try, after {@code attempts} tries, with up to 10% jitter.
	 */
	Duration retryDelay(int attempts, double random) {
		Duration base = this.retrySchedule.get(Math.min(Math.max(attempts - 1, 0), this.retrySchedule.size() - 1));
		return base.plusMillis((long) (base.toMillis() * 0.1 * random));
	}

}
