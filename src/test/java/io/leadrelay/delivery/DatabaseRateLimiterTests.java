package io.leadrelay.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.leadrelay.support.CallWindows;
import io.leadrelay.support.MigratedDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination's rate limit holds for all engines on one database together: two
 * limiters, each on its own connection pool (two engines), share it.
 */
class DatabaseRateLimiterTests {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRateLimiterTests.class);

	static final Duration WAIT = DestinationGuards.RATE_LIMIT_WAIT;

	final List<HikariDataSource> pools = new ArrayList<>();

	@AfterEach
	void close() {
		this.pools.forEach(HikariDataSource::close);
	}

	@Test
	void twoEnginesTogetherStayWithinTheLimitInEverySecond() throws Exception {
		String url = MigratedDatabases.postgres("rate_limits");
		DatabaseRateLimiter first = limiter(url);
		DatabaseRateLimiter second = limiter(url);
		int limit = 10;
		Duration run = Duration.ofSeconds(5);
		List<Long> calls = Collections.synchronizedList(new ArrayList<>());
		long end = System.nanoTime() + run.toNanos();
		List<CompletableFuture<Void>> workers = new ArrayList<>();
		for (DatabaseRateLimiter engine : List.of(first, second, first, second)) {
			workers.add(CompletableFuture.runAsync(() -> {
				while (System.nanoTime() < end) {
					if (engine.acquire("crm", limit, WAIT)) {
						calls.add(System.nanoTime());
					}
				}
			}));
		}
		CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		List<Long> sorted = calls.stream().sorted().toList();
		int busiestSecond = CallWindows.busiestSecond(sorted);
		double perSecond = (sorted.size() - 1) * 1e9 / (sorted.get(sorted.size() - 1) - sorted.get(0));
		log.info(
				"Two engines, 4 workers, limit {}/s for {}: {} calls, at most {} in any one second ({} calls "
						+ "came {} ms apart at the closest), {} calls/s",
				limit, run, sorted.size(), busiestSecond, limit + 1,
				CallWindows.shortestSpan(sorted, limit + 1).toMillis(), String.format("%.2f", perSecond));
		assertThat(busiestSecond).as("calls in the busiest second").isLessThanOrEqualTo(limit);
		// Calls are spaced 1.1/limit s, plus what waking the worker costs: 9.0/s on a
		// quiet
		// machine, 7.5/s while four other builds loaded it.
		assertThat(perSecond).as("calls per second").isBetween(limit * 0.7, (double) limit);
	}

	@Test
	void givesUpWhenNoPermitComesInTimeWithoutTakingOne() {
		for (String url : List.of(MigratedDatabases.postgres("rate_limit_wait"),
				MigratedDatabases.h2("rate_limit_wait"))) {
			DatabaseRateLimiter limiter = limiter(url);
			assertThat(limiter.acquire("crm", 0.5, WAIT)).isTrue();
			long start = System.nanoTime();
			assertThat(limiter.acquire("crm", 0.5, Duration.ofMillis(200))).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
			assertThat(limiter.acquire("crm", 0.5, WAIT)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900),
					Duration.ofMillis(3000));
		}
	}

	@Test
	void limitsEachDestinationOnItsOwn() {
		for (String url : List.of(MigratedDatabases.postgres("rate_limit_apart"),
				MigratedDatabases.h2("rate_limit_apart"))) {
			DatabaseRateLimiter limiter = limiter(url);
			assertThat(limiter.acquire("slow", 0.1, WAIT)).isTrue();
			assertThat(limiter.acquire("slow", 0.1, Duration.ofMillis(100))).isFalse();
			assertThat(limiter.acquire("other", 0.1, Duration.ofMillis(100))).isTrue();
		}
	}

	@Test
	void holdsTheDestinationLongerAfterAnEnginesFirstCall() {
		String url = MigratedDatabases.postgres("rate_limit_first_call");
		DatabaseRateLimiter first = limiter(url);
		DatabaseRateLimiter second = limiter(url);
		assertThat(first.acquire("crm", 10, WAIT)).isTrue();
		long start = System.nanoTime();
		assertThat(second.acquire("crm", 10, WAIT)).isTrue();
		Duration afterAFirstCall = Duration.ofNanos(System.nanoTime() - start);
		assertThat(first.acquire("crm", 10, WAIT)).isTrue();
		start = System.nanoTime();
		assertThat(first.acquire("crm", 10, WAIT)).isTrue();
		Duration afterALaterCall = Duration.ofNanos(System.nanoTime() - start);
		assertThat(afterAFirstCall).isGreaterThan(Duration.ofMillis(200));
		assertThat(afterALaterCall).isLessThan(Duration.ofMillis(200));
	}

	private DatabaseRateLimiter limiter(String url) {
		HikariDataSource pool = MigratedDatabases.pool(url);
		this.pools.add(pool);
		return new DatabaseRateLimiter(new JdbcTemplate(pool));
	}

}
