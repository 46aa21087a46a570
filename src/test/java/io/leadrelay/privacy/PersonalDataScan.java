package io.leadrelay.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads every text column of every table of the engine's schema and says where any of a
 * person's values is left: an email or a name (in any case), or a phone number's digits
 * (however the text formats them).
 */
final class PersonalDataScan {

	private PersonalDataScan() {
	}

	/** Each place ({@code table.column = value}) that still holds one of the values. */
	static List<String> find(JdbcTemplate jdbc, List<String> words, List<String> phoneDigits) {
		List<String> found = new ArrayList<>();
		List<Map<String, Object>> columns = jdbc.queryForList(
				"""
						SELECT table_name, column_name FROM information_schema.columns
						WHERE LOWER(table_schema) IN ('public') AND (UPPER(data_type) LIKE '%CHAR%' OR UPPER(data_type) LIKE '%TEXT%'
						    OR UPPER(data_type) LIKE '%CLOB%')""");
		for (Map<String, Object> column : columns) {
			String table = String.valueOf(column.get("TABLE_NAME"));
			String name = String.valueOf(column.get("COLUMN_NAME"));
			for (String value : jdbc.queryForList("SELECT \"" + name + "\" FROM \"" + table + "\"", String.class)) {
				if (holds(value, words, phoneDigits)) {
					found.add(table + "." + name + " = " + value);
				}
			}
		}
		return found;
	}

	/** How many text columns the scan reads, to show it reads some. */
	static int columns(JdbcTemplate jdbc) {
		return jdbc.queryForObject(
				"""
						SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_schema) IN ('public')
						AND (UPPER(data_type) LIKE '%CHAR%' OR UPPER(data_type) LIKE '%TEXT%' OR UPPER(data_type) LIKE '%CLOB%')""",
				Integer.class);
	}

	private static boolean holds(String value, List<String> words, List<String> phoneDigits) {
		if (value == null) {
			return false;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		String digits = value.replaceAll("[^0-9]", "");
		return words.stream().anyMatch((word) -> lower.contains(word.toLowerCase(Locale.ROOT)))
				|| phoneDigits.stream().anyMatch(digits::contains);
	}

}
