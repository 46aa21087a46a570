package io.leadrelay.audit;

import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Appends to the audit trail. Writes join the caller's transaction, so an audited change
 * and its audit entry commit or roll back together. Details are written as one JSON
 * object by Jackson, never built by hand, so any text in them stays valid JSON.
 */
@Service
public class AuditLog {

	private static final String INSERT = """
			INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, details)
			VALUES (?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final DetailsJson details;

	AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.details = new DetailsJson(json);
	}

	public void record(AuditEntry entry) {
		recordAll(List.of(entry));
	}

	public void recordAll(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(INSERT, entries, entries.size(), (statement, entry) -> {
			statement.setObject(1, entry.occurredAt().atOffset(ZoneOffset.UTC));
			statement.setString(2, entry.actor());
			statement.setString(3, entry.action());
			statement.setString(4, entry.subjectType());
			statement.setString(5, entry.subjectId());
			statement.setString(6, this.details.write(entry.details()));
		});
	}

}
