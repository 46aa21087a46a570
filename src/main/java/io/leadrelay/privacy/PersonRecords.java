package io.leadrelay.privacy;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what is stored about a person: which leads are theirs, and every row of every
 * table about those leads, column by column (so that a column added later is read too).
 * Text that holds JSON is read as JSON.
 */
@Component
class PersonRecords {

	private final JdbcTemplate jdbc;

	private final PhoneNumbers phones;

	private final ObjectMapper json;

	PersonRecords(JdbcTemplate jdbc, PhoneNumbers phones, ObjectMapper json) {
		this.jdbc = jdbc;
		this.phones = phones;
		this.json = json;
	}

	/** The ids of the person's leads, oldest first; a lead not fetched yet included. */
	List<String> leadIds(PersonKey key) {
		List<String> ids = switch (key.kind()) {
			case EMAIL ->
				this.jdbc.queryForList("SELECT DISTINCT leadgen_id FROM lead_contact WHERE kind = 'email' AND term = ?",
						String.class, key.value());
			case PHONE -> phoneLeads(key.value());
			case LEADGEN_ID -> this.jdbc.queryForList("""
					SELECT leadgen_id FROM lead_event WHERE leadgen_id = ?
					UNION SELECT leadgen_id FROM lead WHERE leadgen_id = ?""", String.class, key.value(), key.value());
		};
		if (ids.isEmpty()) {
			return List.of();
		}
		Set<String> ordered = new LinkedHashSet<>(
				this.jdbc.queryForList("SELECT leadgen_id FROM lead_event WHERE leadgen_id IN (" + marks(ids.size())
						+ ") ORDER BY received_at, leadgen_id", String.class, ids.toArray()));
		ordered.addAll(ids);
		return List.copyOf(ordered);
	}

	private List<String> phoneLeads(String e164) {
		Set<String> forms = this.phones.storedForms(e164);
		return this.jdbc.queryForList("SELECT DISTINCT leadgen_id FROM lead_contact WHERE kind = 'phone' AND term IN ("
				+ marks(forms.size()) + ")", String.class, forms.toArray());
	}

	/** Each row of {@code table} whose {@code column} is one of {@code ids}, by id. */
	List<Map<String, Object>> rows(String table, String column, Collection<?> ids, String orderBy) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.queryForList("SELECT * FROM " + table + " WHERE " + column + " IN (" + marks(ids.size()) + ") ORDER BY "
					+ orderBy, ids.toArray())
			.stream()
			.map(this::readable)
			.toList();
	}

	/** The person's leads' audit entries, oldest first. */
	List<Map<String, Object>> auditEntries(Collection<String> leadIds) {
		if (leadIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.queryForList("SELECT * FROM audit_event WHERE subject_type = 'lead' AND subject_id IN ("
					+ marks(leadIds.size()) + ") ORDER BY id", leadIds.toArray())
			.stream()
			.map(this::readable)
			.toList();
	}

	/**
	 * A row with lower-case column names, times as ISO-8601 text and JSON text as JSON.
	 */
	private Map<String, Object> readable(Map<String, Object> row) {
		Map<String, Object> readable = new LinkedHashMap<>();
		row.forEach((column, value) -> readable.put(column.toLowerCase(Locale.ROOT), value(value)));
		return readable;
	}

	private Object value(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant().toString();
		}
		if (value instanceof TemporalAccessor time) {
			return time.toString();
		}
		if (value instanceof String text && (text.startsWith("{") || text.startsWith("["))) {
			try {
				return this.json.readTree(text);
			}
			catch (JsonProcessingException ex) {
				return text;
			}
		}
		return value;
	}

	static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
