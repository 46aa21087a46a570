package io.leadrelay.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Stores many leads straight into the engine's {@code lead_event} (the only table ingest
 * reads), with one {@code INSERT ... SELECT} per million rows, then analyzes it.
 * PostgreSQL takes the rows while the engine runs; H2 only while it is stopped (it locks
 * its file).
 */
final class Preload {

	private static final int CHUNK = 1_000_000;

	private static final String INSERT = """
			INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value)
			SELECT CAST(800000000000000 + X AS VARCHAR(32)), '%s', '%s', CURRENT_TIMESTAMP, 'webhook', 'mapped', '{}'
			FROM %s""";

	private Preload() {
	}

	/**
	 * @return how long the load took, in seconds
	 */
	static double run(PackagedEngine engine, boolean h2, int leads) throws Exception {
		long started = System.nanoTime();
		String rows = h2 ? "SYSTEM_RANGE(?, ?) R" : "generate_series(?::bigint, ?::bigint) AS R(X)";
		String sql = INSERT.formatted(LeadgenNotifications.PAGE, LeadgenNotifications.FORM, rows);
		try (Connection connection = engine.connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
			connection.setAutoCommit(true);
			for (long first = 1; first <= leads; first += CHUNK) {
				insert.setLong(1, first);
				insert.setLong(2, Math.min(leads, first + CHUNK - 1));
				insert.executeUpdate();
			}
			try (Statement analyze = connection.createStatement()) {
				analyze.execute(h2 ? "ANALYZE TABLE lead_event" : "ANALYZE lead_event");
			}
		}
		return (System.nanoTime() - started) / 1e9;
	}

}
