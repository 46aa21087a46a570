package io.leadrelay.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.leadrelay.support.MigratedDatabases;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled jobs run once per cluster: two engines (each its own connection pool and lock
 * executor) on one database, on PostgreSQL and on H2.
 */
class ClusterJobsTests {

	static final Duration PERIOD = Duration.ofMinutes(15);

	final List<HikariDataSource> pools = new ArrayList<>();

	@AfterEach
	void close() {
		this.pools.forEach(HikariDataSource::close);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "h2" })
	void runsAJobThatTwoEnginesFireAtTheSameMomentOnce(String database) throws Exception {
		String url = database(database, "cluster_same_moment");
		ClusterJobs first = engine(url, "first");
		ClusterJobs second = engine(url, "second");
		for (int round = 0; round < 20; round++) {
			String job = "job-" + round;
			AtomicInteger runs = new AtomicInteger();
			CyclicBarrier together = new CyclicBarrier(2);
			List<CompletableFuture<Boolean>> fired = new ArrayList<>();
			for (ClusterJobs engine : List.of(first, second)) {
				fired.add(CompletableFuture.supplyAsync(() -> {
					try {
						together.await(5, TimeUnit.SECONDS);
						return engine.runOnce(job, PERIOD, runs::incrementAndGet);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}));
			}
			List<Boolean> ranHere = List.of(fired.get(0).get(10, TimeUnit.SECONDS),
					fired.get(1).get(10, TimeUnit.SECONDS));
			assertThat(runs).as("runs of " + job).hasValue(1);
			assertThat(ranHere).as("which engine ran " + job).containsExactlyInAnyOrder(true, false);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "h2" })
	void skipsAJobThatAnotherEngineRanEarlierInThePeriod(String database) throws Exception {
		String url = database(database, "cluster_later");
		AtomicInteger runs = new AtomicInteger();
		assertThat(engine(url, "first").runOnce("backfill-poll", PERIOD, runs::incrementAndGet)).isTrue();
		assertThat(engine(url, "second").runOnce("backfill-poll", PERIOD, runs::incrementAndGet)).isFalse();
		assertThat(runs).hasValue(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "h2" })
	void runsTheJobAgainInTheNextPeriodOnAnyEngine(String database) throws Exception {
		String url = database(database, "cluster_next_period");
		ClusterJobs first = engine(url, "first");
		ClusterJobs second = engine(url, "second");
		Duration period = Duration.ofSeconds(2);
		AtomicInteger runs = new AtomicInteger();
		second.runOnce("warm-up", period, () -> {
		});
		assertThat(first.runOnce("token-checks", period, runs::incrementAndGet)).isTrue();
		assertThat(second.runOnce("token-checks", period, runs::incrementAndGet)).isFalse();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> second.runOnce("token-checks", period, runs::incrementAndGet));
		assertThat(runs).hasValue(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "h2" })
	void passesOnWhatTheJobThrows(String database) {
		String url = database(database, "cluster_failure");
		assertThatException().isThrownBy(() -> engine(url, "first").runOnce("purge", PERIOD, () -> {
			throw new IllegalStateException("the purge failed");
		})).isInstanceOf(IllegalStateException.class).withMessage("the purge failed");
	}

	private String database(String kind, String name) {
		return "postgres".equals(kind) ? MigratedDatabases.postgres(name) : MigratedDatabases.h2(name);
	}

	private ClusterJobs engine(String url, String name) {
		HikariDataSource pool = MigratedDatabases.pool(url);
		this.pools.add(pool);
		return new ClusterJobs(new DefaultLockingTaskExecutor(ClusterConfiguration.lockProvider(pool, name)),
				new ClusterProperties(Duration.ofMinutes(30)), Clock.systemUTC());
	}

}
