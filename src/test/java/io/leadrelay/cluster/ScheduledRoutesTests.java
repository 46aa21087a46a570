package io.leadrelay.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.leadrelay.support.MigratedDatabases;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.event.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The schedules in {@code routes/} (reconciliation, token checks) as two engines run them
 * on one PostgreSQL database: each engine's timer fires every period, the job runs about
 * once per period in all.
 */
class ScheduledRoutesTests {

	private static final Logger log = LoggerFactory.getLogger(ScheduledRoutesTests.class);

	static final long PERIOD_MILLIS = 1000;

	final List<HikariDataSource> pools = new ArrayList<>();

	final List<CamelContext> engines = new ArrayList<>();

	/** Runs of each job, by its bean method, across both engines. */
	final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

	/** Timer firings, by route, across both engines. */
	final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();

	@AfterEach
	void stop() {
		this.engines.forEach(CamelContext::stop);
		this.pools.forEach(HikariDataSource::close);
	}

	@Test
	void runsTheScheduledJobsOncePerPeriodAcrossTwoEngines() throws Exception {
		String url = MigratedDatabases.postgres("scheduled_routes");
		CamelContext first = engine(url, "first");
		CamelContext second = engine(url, "second");
		long start = System.nanoTime();
		first.start();
		second.start();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> fired("backfill-poll") >= 12 && fired("page-token-checks") >= 12);
		double periods = (System.nanoTime() - start) / 1e6 / PERIOD_MILLIS;
		log.info("Two engines, {} periods: timers fired {}, jobs ran {}", String.format("%.1f", periods), this.fired,
				this.runs);
		for (String job : List.of("runAll", "checkAll")) {
			assertThat(runs(job)).as("runs of " + job).isBetween(4, (int) (periods / 0.9) + 1);
		}
	}

	private CamelContext engine(String url, String name) throws Exception {
		HikariDataSource pool = MigratedDatabases.pool(url);
		this.pools.add(pool);
		ClusterJobs jobs = new ClusterJobs(
				new DefaultLockingTaskExecutor(ClusterConfiguration.lockProvider(pool, name)),
				new ClusterProperties(Duration.ofMinutes(30)), Clock.systemUTC());
		CamelContext camel = new DefaultCamelContext();
		camel.getRegistry().bind("clusterJobs", jobs);
		camel.getRegistry().bind("backfill", new Job());
		camel.getRegistry().bind("pageTokenChecks", new Job());
		Properties intervals = new Properties();
		intervals.setProperty("leadrelay.backfill.interval", Long.toString(PERIOD_MILLIS));
		intervals.setProperty("leadrelay.pages.token-check-interval", Long.toString(PERIOD_MILLIS));
		camel.getPropertiesComponent().setInitialProperties(intervals);
		camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
			@Override
			public void notify(CamelEvent event) {
				if (event instanceof ExchangeCompletedEvent completed) {
					ScheduledRoutesTests.this.fired
						.computeIfAbsent(completed.getExchange().getFromRouteId(), (key) -> new AtomicInteger())
						.incrementAndGet();
				}
			}
		});
		for (String file : List.of("backfill.yaml", "page-token-checks.yaml")) {
			PluginHelper.getRoutesLoader(camel)
				.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/" + file));
		}
		this.engines.add(camel);
		return camel;
	}

	private int fired(String route) {
		return this.fired.getOrDefault(route, new AtomicInteger()).get();
	}

	private int runs(String job) {
		return this.runs.getOrDefault(job, new AtomicInteger()).get();
	}

	/** Stands in for the {@code backfill} and {@code pageTokenChecks} beans. */
	public final class Job {

		public void runAll() {
			count("runAll");
		}

		public void checkAll() {
			count("checkAll");
		}

		private void count(String job) {
			ScheduledRoutesTests.this.runs.computeIfAbsent(job, (key) -> new AtomicInteger()).incrementAndGet();
		}

	}

}
