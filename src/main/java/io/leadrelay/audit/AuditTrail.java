package io.leadrelay.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the audit trail back. */
@Service
public class AuditTrail {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, occurred_at, actor, action, subject_type, subject_id, details";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	AuditTrail(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Everything that happened to one subject, such as a lead, oldest first. */
	public List<AuditRecord> of(String subjectType, String subjectId) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY id",
				this::record, subjectType, subjectId);
	}

	/**
	 * The entries that match, newest first, {@code size} at most, older than the entry
	 * {@code before} when it is given (keyset paging: the cursor is an id, so a page
	 * costs the same however far back it is).
	 */
	public AuditSlice find(AuditFilter filter, Long before, int size) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE 1 = 1");
		List<Object> arguments = new ArrayList<>();
		condition(sql, arguments, " AND actor = ?", filter.actor());
		condition(sql, arguments, " AND action = ?", filter.action());
		condition(sql, arguments, " AND subject_type = ?", filter.subjectType());
		condition(sql, arguments, " AND subject_id = ?", filter.subjectId());
		condition(sql, arguments, " AND occurred_at >= ?",
				(filter.from() != null) ? filter.from().atOffset(ZoneOffset.UTC) : null);
		condition(sql, arguments, " AND occurred_at < ?",
				(filter.to() != null) ? filter.to().atOffset(ZoneOffset.UTC) : null);
		condition(sql, arguments, " AND id < ?", before);
		sql.append(" ORDER BY id DESC LIMIT ?");
		arguments.add(size + 1);
		List<AuditRecord> found = this.jdbc.query(sql.toString(), this::record, arguments.toArray());
		if (found.size() <= size) {
			return new AuditSlice(found, null);
		}
		List<AuditRecord> page = found.subList(0, size);
		return new AuditSlice(List.copyOf(page), page.get(size - 1).id());
	}

	private static void condition(StringBuilder sql, List<Object> arguments, String condition, Object value) {
		if (value != null) {
			sql.append(condition);
			arguments.add(value);
		}
	}

	private AuditRecord record(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), details(rs.getString(7)));
	}

	private Map<String, Object> details(String stored) {
		if (stored == null) {
			return Map.of();
		}
		try {
			return this.json.readValue(stored, DETAILS);
		}
		catch (JsonProcessingException ex) {
			// Written by AuditLog as JSON; an entry edited into something else is shown
			// as it is stored.
			return Map.of("stored", stored);
		}
	}

}
