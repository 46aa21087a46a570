package io.leadrelay.support;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the tables tests write, so that each test starts from an engine with no leads,
 * pages, destinations, mappings, audit events or users but the bootstrap admin, whichever
 * test class used the context's database before. The admin stays (it signs the tests' API
 * calls), back to its first-start state but for its password, which a test that changes
 * it sets back.
 */
public final class TableCleaner {

	/** The tables tests write, each before the tables it references. */
	static final List<String> TABLES = List.of("lead_notification", "alert_channel", "alert_incident",
			"delivery_attempt", "delivery_payload_edit", "delivery", "lead_contact", "lead", "lead_event",
			"form_watermark", "lead_form", "mapping_version", "mapping", "page", "destination_field", "destination",
			"destination_rate_limit", "pipedrive_person", "api_token", "audit_event", "audit_chain",
			"meta_data_deletion", "recovery_code", "two_factor_failure", "sign_in_throttle", "app_user", "suppression",
			"privacy_secret");

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
				case "app_user" -> keepOnlyTheBootstrapAdmin(jdbc);
				// Its one row is the head of the audit trail's hash chain: back to no
				// entry.
				case "audit_chain" -> jdbc.update(
						"UPDATE audit_chain SET last_seq = 0, last_hash = ?, first_seq = 1, first_prev_hash = ? WHERE id = 1",
						"0".repeat(64), "0".repeat(64));
				default -> jdbc.update("DELETE FROM " + table);
			}
		}
	}

	private static void keepOnlyTheBootstrapAdmin(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM app_user WHERE username <> 'admin'");
		jdbc.update("""
				UPDATE app_user SET role = 'ADMIN', enabled = TRUE, disabled_at = NULL, must_change_password = FALSE,
				totp_secret = NULL, totp_last_step = NULL WHERE username = 'admin'""");
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
