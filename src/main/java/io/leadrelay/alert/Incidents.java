package io.leadrelay.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The incidents the alert rounds open and resolve: what is wrong now, for the dashboard,
 * the alerts page and the API.
 */
@Service
public class Incidents {

	private static final String COLUMNS = "SELECT id, incident_key, kind, source, title, detail, link, opened_at, "
			+ "last_alerted_at, reminders FROM alert_incident";

	private final JdbcTemplate jdbc;

	Incidents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The open incidents, oldest first. */
	public List<IncidentView> open() {
		return openWithSource().stream().map(Open::view).toList();
	}

	List<Open> openWithSource() {
		return this.jdbc.query(COLUMNS + " WHERE resolved_at IS NULL ORDER BY opened_at, id", (rs, row) -> open(rs));
	}

	IncidentView raise(String source, AlertCondition condition, Instant now) {
		this.jdbc.update("""
				INSERT INTO alert_incident (incident_key, kind, source, title, detail, link, opened_at, last_alerted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", cut(condition.key(), 200), cut(condition.kind(), 64),
				cut(source, 200), cut(condition.title(), 400), cut(condition.detail(), 4000),
				cut(condition.link(), 400), utc(now), utc(now));
		return this.jdbc
			.query(COLUMNS + " WHERE resolved_at IS NULL AND incident_key = ? ORDER BY id DESC", (rs, row) -> open(rs),
					cut(condition.key(), 200))
			.get(0)
			.view();
	}

	void reminded(long id, Instant now) {
		this.jdbc.update("UPDATE alert_incident SET last_alerted_at = ?, reminders = reminders + 1 WHERE id = ?",
				utc(now), id);
	}

	void resolve(long id, Instant now) {
		this.jdbc.update("UPDATE alert_incident SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL", utc(now),
				id);
	}

	private static Open open(ResultSet rs) throws SQLException {
		return new Open(rs.getString("source"),
				new IncidentView(rs.getLong("id"), rs.getString("incident_key"), rs.getString("kind"),
						rs.getString("title"), rs.getString("detail"), rs.getString("link"), instant(rs, "opened_at"),
						instant(rs, "last_alerted_at"), rs.getInt("reminders")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	/** An open incident and the check that reported it. */
	record Open(String source, IncidentView view) {

	}

}
