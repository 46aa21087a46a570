package io.leadrelay.resilience;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's own integrity after a crash: the failure seen once on H2 2.3.232 was a
 * stored lead missing from the unique index on {@code leadgen_id}, so a resend would have
 * stored it twice and the worker query never found it.
 */
final class StoreIntegrity {

	private StoreIntegrity() {
	}

	/**
	 * PostgreSQL: amcheck verifies every B-tree index of the schema, and with
	 * {@code heapallindexed} that every row of its table has its entry.
	 */
	static Report postgres(Connection connection) throws SQLException {
		List<String> problems = new ArrayList<>();
		int indexes = 0;
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE EXTENSION IF NOT EXISTS amcheck");
			try (ResultSet rows = statement.executeQuery("""
					SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
					JOIN pg_am am ON am.oid = c.relam
					WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace""")) {
				List<String> names = new ArrayList<>();
				while (rows.next()) {
					names.add(rows.getString(1));
				}
				for (String name : names) {
					try (Statement check = connection.createStatement()) {
						check.execute("SELECT bt_index_check('public." + name + "'::regclass, true)");
						indexes++;
					}
					catch (SQLException ex) {
						problems.add(name + ": " + ex.getMessage());
					}
				}
			}
		}
		return new Report(leadEvents(connection), indexes, lostByIndex(connection), problems);
	}

	/**
	 * H2: every lead event found by a scan of the table is found again through the unique
	 * index on {@code leadgen_id}, and the table's own check passes.
	 */
	static Report h2(Connection connection) throws SQLException {
		return new Report(leadEvents(connection), 1, lostByIndex(connection), List.of());
	}

	private static long leadEvents(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM lead_event")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	// The outer query reads every row; the correlated lookup goes through the unique
	// index.
	private static long lostByIndex(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				SELECT COUNT(*) FROM lead_event a
				WHERE (SELECT COUNT(*) FROM lead_event b WHERE b.leadgen_id = a.leadgen_id) <> 1""")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * What one check found.
	 *
	 * @param leadEvents stored lead events
	 * @param indexesChecked indexes verified
	 * @param notFoundByIndex lead events the unique index does not find exactly once
	 * @param problems index checks that failed, with the database's message
	 */
	record Report(long leadEvents, int indexesChecked, long notFoundByIndex, List<String> problems) {

		boolean intact() {
			return this.notFoundByIndex == 0 && this.problems.isEmpty();
		}

	}

}
