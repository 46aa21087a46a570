package io.leadrelay.cluster;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.spi.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled jobs once per cluster, not once per engine. A timer route wraps its
 * steps in this policy ({@code policy: {ref: clusterJobs, steps: [...]}}); each time its
 * timer fires, the steps run only if this engine takes the job's lock (ShedLock, in the
 * database, named after the route). The lock holds while the job runs and for at least
 * {@value #HELD_SHARE_PERCENT}% of the timer's period from its start, so an engine whose
 * timer fires later in the same period skips the job: it runs about once per period
 * across all engines, and goes on while any engine lives. Manual runs (the API) do not go
 * through here.
 */
public class ClusterJobs implements Policy {

	/** How much of a job's period its lock holds at least, in percent. */
	static final int HELD_SHARE_PERCENT = 90;

	private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

	private final LockingTaskExecutor locks;

	private final ClusterProperties properties;

	private final Clock clock;

	ClusterJobs(LockingTaskExecutor locks, ClusterProperties properties, Clock clock) {
		this.locks = locks;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void beforeWrap(Route route, NamedNode definition) {
	}

	@Override
	public Processor wrap(Route route, Processor steps) {
		if (!(route.getEndpoint() instanceof TimerEndpoint timer)) {
			throw new IllegalArgumentException("The route " + route.getRouteId()
					+ " uses the clusterJobs policy, which is for routes that start from a timer");
		}
		Duration period = Duration.ofMillis(timer.getPeriod());
		return (exchange) -> runOnce(route.getRouteId(), period, () -> steps.process(exchange));
	}

	/**
	 * Runs the job here unless another engine runs it, or ran it less than
	 * {@value #HELD_SHARE_PERCENT}% of its period ago.
	 * @param job the job's name, at most 64 characters
	 * @param period how often the job is meant to run
	 * @param task the job
	 * @return whether it ran here
	 * @throws Exception what the job threw
	 */
	public boolean runOnce(String job, Duration period, Job task) throws Exception {
		Duration atLeast = period.multipliedBy(HELD_SHARE_PERCENT).dividedBy(100);
		Duration atMost = (atLeast.compareTo(this.properties.jobLockAtMostFor()) > 0) ? atLeast
				: this.properties.jobLockAtMostFor();
		TaskResult<Void> result;
		try {
			result = this.locks.executeWithLock(() -> {
				task.run();
				return null;
			}, new LockConfiguration(this.clock.instant(), job, atMost, atLeast));
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
		if (!result.wasExecuted()) {
			log.debug("Job {} skipped: another engine runs it or ran it lately", job);
		}
		return result.wasExecuted();
	}

	/** A scheduled job. */
	@FunctionalInterface
	public interface Job {

		void run() throws Exception;

	}

}
