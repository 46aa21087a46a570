package io.leadrelay.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One rate limit per destination for all engines on the database: each destination's row
 * holds when its next call may start, on the database's clock (engines on different
 * machines disagree about the time; the database is one clock for all). A permit is one
 * atomic {@code UPDATE} that moves that time on by the spacing only while it has come; a
 * worker that finds it still ahead waits until then and tries again. Calls start at least
 * one spacing apart, whichever engine makes them. The spacing is {@value #HEADROOM}/limit
 * seconds: the 10% cover the varying time from taking a permit to the call reaching the
 * CRM (threads, network), so that the CRM, counting calls in any one second, sees no more
 * than the limit.
 * <p>
 * Permits are taken one call at a time, just before the call, and not reserved ahead: a
 * worker whose calls take longer than the spacing would send late on a reserved slot and
 * crowd the next engine's calls. Connectors that batch (HubSpot: 100 leads a call) need
 * one permit per call, not per lead. Must not run inside a transaction, whose database
 * time stands still.
 */
@Component
class DatabaseRateLimiter implements DestinationRateLimiter {

	/** How much longer than 1/limit seconds calls are spaced. */
	static final double HEADROOM = 1.1;

	/**
	 * How much longer an engine's first call to a destination holds it: that call is slow
	 * to leave (classes loaded, a connection opened; up to 300 ms on a loaded 2-core
	 * machine) and would reach the CRM close to the calls after it.
	 */
	static final Duration FIRST_CALL_ALLOWANCE = Duration.ofMillis(200);

	/** The database's clock in microseconds since 1970 (H2 2.x and PostgreSQL). */
	static final String NOW = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000000 AS BIGINT)";

	private final JdbcTemplate jdbc;

	/** Destinations this engine has called. */
	private final Set<String> called = ConcurrentHashMap.newKeySet();

	DatabaseRateLimiter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean acquire(String destinationId, double callsPerSecond, Duration maxWait) {
		long spacing = spacingMicros(callsPerSecond);
		long hold = this.called.contains(destinationId) ? spacing
				: spacing + TimeUnit.NANOSECONDS.toMicros(FIRST_CALL_ALLOWANCE.toNanos());
		long deadline = System.nanoTime() + maxWait.toNanos();
		while (!take(destinationId, hold)) {
			List<Long> ahead = this.jdbc.queryForList(
					"SELECT next_call_at - " + NOW + " FROM destination_rate_limit WHERE destination_id = ?",
					Long.class, destinationId);
			if (ahead.isEmpty()) {
				create(destinationId);
				continue;
			}
			long wait = TimeUnit.MICROSECONDS.toNanos(Math.max(0, ahead.get(0)));
			if (wait > deadline - System.nanoTime()) {
				return false;
			}
			LockSupport.parkNanos(wait);
			if (Thread.currentThread().isInterrupted()) {
				return false;
			}
		}
		this.called.add(destinationId);
		return true;
	}

	/** Microseconds between two calls to a destination with this limit. */
	static long spacingMicros(double callsPerSecond) {
		return (long) Math.ceil(1_000_000 * HEADROOM / callsPerSecond);
	}

	private boolean take(String destinationId, long holdMicros) {
		return this.jdbc.update("UPDATE destination_rate_limit SET next_call_at = " + NOW
				+ " + ? WHERE destination_id = ? AND next_call_at <= " + NOW, holdMicros, destinationId) == 1;
	}

	private void create(String destinationId) {
		try {
			this.jdbc.update("INSERT INTO destination_rate_limit (destination_id, next_call_at) VALUES (?, 0)",
					destinationId);
		}
		catch (DuplicateKeyException ex) {
			// Another engine made it first.
		}
	}

}
