package io.leadrelay.support;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the tables tests write, so that each test starts from an engine with no leads,
 * pages, destinations, mappings or audit events, whichever test class used the context's
 * database before. Users stay: the bootstrap admin signs the tests' API calls, and tests
 * replace the users they add.
 */
public final class TableCleaner {

	/** The tables tests write, each before the tables it references. */
	static final List<String> TABLES = List.of("delivery_attempt", "delivery", "lead", "lead_event", "form_watermark",
			"mapping_version", "mapping", "page", "destination", "destination_rate_limit", "pipedrive_person",
			"api_token", "audit_event");

	private TableCleaner() {
	}

	/** Deletes every row of every table tests write. */
	public static void deleteAll(JdbcTemplate jdbc) {
		deleteAllButMappings(jdbc);
	}

	/**
	 * Deletes every row of every table tests write but the given mappings and their
	 * versions, such as those loaded from mapping files at start-up.
	 */
	public static void deleteAllButMappings(JdbcTemplate jdbc, String... mappingIds) {
		for (String table : TABLES) {
			switch (table) {
				case "mapping_version" -> deleteAllBut(jdbc, table, "mapping_id", mappingIds);
				case "mapping" -> deleteAllBut(jdbc, table, "id", mappingIds);
				default -> jdbc.update("DELETE FROM " + table);
			}
		}
	}

	private static void deleteAllBut(JdbcTemplate jdbc, String table, String idColumn, String... ids) {
		if (ids.length == 0) {
			jdbc.update("DELETE FROM " + table);
			return;
		}
		String placeholders = String.join(", ", Arrays.stream(ids).map((id) -> "?").toList());
		jdbc.update("DELETE FROM " + table + " WHERE " + idColumn + " NOT IN (" + placeholders + ")", (Object[]) ids);
	}

}
