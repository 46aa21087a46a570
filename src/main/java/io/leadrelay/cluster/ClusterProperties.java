package io.leadrelay.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How engines on one database share their scheduled jobs.
 *
 * @param jobLockAtMostFor how long a job's lock holds at most: if the engine running it
 * dies, another engine runs the job once this has passed (or the share of its period the
 * lock holds anyway, if longer); a run that takes longer may meet another engine's run
 */
@ConfigurationProperties("leadrelay.cluster")
public record ClusterProperties(@DefaultValue("30m") Duration jobLockAtMostFor) {

	public ClusterProperties {
		if (jobLockAtMostFor.compareTo(Duration.ofSeconds(10)) < 0) {
			throw new IllegalArgumentException("leadrelay.cluster.job-lock-at-most-for must be at least 10s");
		}
	}

}
