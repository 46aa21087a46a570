package io.leadrelay.audit;

import java.time.OffsetDateTime;
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

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	AuditTrail(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Everything that happened to one subject, such as a lead, oldest first. */
	public List<AuditRecord> of(String subjectType, String subjectId) {
		return this.jdbc.query("""
				SELECT id, occurred_at, actor, action, subject_type, subject_id, details FROM audit_event
				WHERE subject_type = ? AND subject_id = ? ORDER BY id""",
				(rs, row) -> new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), details(rs.getString(7))),
				subjectType, subjectId);
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
