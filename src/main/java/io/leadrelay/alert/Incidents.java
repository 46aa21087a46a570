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
			+ "last_alerted_at, reminders, absent_since FROM alert_incident";

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

	/**
	 * The condition is reported again: it is no longer absent, and its title and detail
	 * are today's (a reminder says how things stand now, not when it opened).
	 */
	void stillWrong(long id, AlertCondition condition) {
		this.jdbc.update("UPDATE alert_incident SET absent_since = NULL, title = ?, detail = ?, link = ? WHERE id = ?",
				cut(condition.title(), 400), cut(condition.detail(), 4000), cut(condition.link(), 400), id);
	}

	/** The condition was not reported this round, for the first time since it was. */
	void absent(long id, Instant now) {
		this.jdbc.update("UPDATE alert_incident SET absent_since = ? WHERE id = ? AND absent_since IS NULL", utc(now),
				id);
	}

	/**
	 * No channel took the incident's last message: the next round sends it again, as a
	 * reminder, instead of waiting for the reminder interval.
	 */
	void notAlerted(long id, Instant lastAlertedBefore) {
		this.jdbc.update("UPDATE alert_incident SET last_alerted_at = ? WHERE id = ?", utc(lastAlertedBefore), id);
	}

	void resolve(long id, Instant now) {
		this.jdbc.update("UPDATE alert_incident SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL", utc(now),
				id);
	}

	private static Open open(ResultSet rs) throws SQLException {
		OffsetDateTime absentSince = rs.getObject("absent_since", OffsetDateTime.class);
		return new Open(rs.getString("source"), (absentSince != null) ? absentSince.toInstant() : null,
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

	/**
	 * An open incident, the check that reported it, and since when that check no longer
	 * reports it ({@code null} while it does).
	 */
	record Open(String source, Instant absentSince, IncidentView view) {

	}

}
