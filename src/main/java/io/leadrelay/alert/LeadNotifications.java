package io.leadrelay.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New-lead notifications, off until an admin adds one: per form (or every form), a short
 * message per new lead to one channel, carrying only the answers the admin picked. Each
 * change is audited.
 */
@Service
public class LeadNotifications {

	static final int MAX_FIELDS = 20;

	/**
	 * How long the enabled notifications are kept for {@link #enabledFor}: a change made
	 * on another engine sharing the database is followed within this time (on this
	 * engine, at once). A notification is a courtesy, not a record: one message more or
	 * less then is acceptable.
	 */
	static final Duration ENABLED_FOR = Duration.ofSeconds(1);

	private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

	private static final String COLUMNS = "SELECT n.id, n.channel_id, c.name, n.form_id, n.fields, n.enabled "
			+ "FROM lead_notification n JOIN alert_channel c ON c.id = n.channel_id";

	private final JdbcTemplate jdbc;

	private final AlertChannels channels;

	private final AuditLog audit;

	private final Clock clock;

	private final AlertChanges changes;

	private volatile Enabled enabled;

	LeadNotifications(JdbcTemplate jdbc, AlertChannels channels, AuditLog audit, Clock clock, AlertChanges changes) {
		this.changes = changes;
		this.jdbc = jdbc;
		this.channels = channels;
		this.audit = audit;
		this.clock = clock;
	}

	public List<LeadNotificationView> list() {
		return this.jdbc.query(COLUMNS + " ORDER BY c.name, n.id", (rs, row) -> view(rs));
	}

	/** The enabled notifications of a form's leads, those for every form included. */
	List<LeadNotificationView> enabledFor(String formId) {
		Enabled known = this.enabled;
		long now = System.nanoTime();
		long change = this.changes.count();
		if (known == null || known.change() != change || now - known.readAt() >= ENABLED_FOR.toNanos()) {
			known = new Enabled(this.jdbc.query(COLUMNS + " WHERE n.enabled = TRUE AND c.enabled = TRUE ORDER BY n.id",
					(rs, row) -> view(rs)), change, now);
			this.enabled = known;
		}
		return known.notifications()
			.stream()
			.filter((notification) -> notification.formId() == null || notification.formId().equals(formId))
			.toList();
	}

	/**
	 * Adds a notification, enabled.
	 * @param formId a form's id, or {@code null} or blank for every form
	 * @param fields answer keys separated by commas or spaces
	 */
	@Transactional
	public LeadNotificationView add(long channelId, String formId, String fields, String actor) {
		ChannelView channel = this.channels.get(channelId);
		List<String> keys = fields(fields);
		String form = (formId == null || formId.isBlank()) ? null : formId.strip();
		if (form != null && !form.matches("[0-9]{1,32}")) {
			throw new InvalidChannelException("formId", "form must be one of your forms, or all forms");
		}
		this.jdbc.update("""
				INSERT INTO lead_notification (channel_id, form_id, fields, enabled, created_at)
				VALUES (?, ?, ?, TRUE, ?)""", channelId, form, String.join(",", keys),
				this.clock.instant().atOffset(ZoneOffset.UTC));
		this.changes.changing();
		long id = this.jdbc.queryForObject("SELECT MAX(id) FROM lead_notification WHERE channel_id = ?", Long.class,
				channelId);
		audit(actor, "lead_notification.created", id, channel.name(), form, keys);
		return get(id);
	}

	@Transactional
	public void setEnabled(long id, boolean enabled, String actor) {
		LeadNotificationView notification = get(id);
		this.jdbc.update("UPDATE lead_notification SET enabled = ? WHERE id = ?", enabled, id);
		this.changes.changing();
		audit(actor, enabled ? "lead_notification.enabled" : "lead_notification.disabled", id,
				notification.channelName(), notification.formId(), notification.fields());
	}

	@Transactional
	public void delete(long id, String actor) {
		LeadNotificationView notification = get(id);
		this.jdbc.update("DELETE FROM lead_notification WHERE id = ?", id);
		this.changes.changing();
		audit(actor, "lead_notification.deleted", id, notification.channelName(), notification.formId(),
				notification.fields());
	}

	public LeadNotificationView get(long id) {
		return this.jdbc.query(COLUMNS + " WHERE n.id = ?", (rs, row) -> view(rs), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new InvalidChannelException("id", "no new-lead notification has the id " + id));
	}

	static List<String> fields(String fields) {
		List<String> keys = Arrays.stream(((fields != null) ? fields : "").split("[,;\\s]+"))
			.filter((key) -> !key.isEmpty())
			.distinct()
			.toList();
		if (keys.isEmpty() || keys.size() > MAX_FIELDS) {
			throw new InvalidChannelException("fields",
					"fields must name 1 to " + MAX_FIELDS + " answers, such as full_name, city");
		}
		for (String key : keys) {
			if (!FIELD.matcher(key).matches()) {
				throw new InvalidChannelException("fields", "'" + key
						+ "' is not an answer's name: use the names the form's questions have, such as full_name");
			}
		}
		return keys;
	}

	private void audit(String actor, String action, long id, String channel, String form, List<String> fields) {
		this.audit.record(new AuditEntry(this.clock.instant(), actor, action, "lead_notification", String.valueOf(id),
				AuditDetails.of("channel", channel, "form", (form != null) ? form : "all", "fields",
						String.join(",", fields))));
	}

	private static LeadNotificationView view(ResultSet rs) throws SQLException {
		return new LeadNotificationView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Arrays.asList(rs.getString(5).split(",")), rs.getBoolean(6));
	}

	private record Enabled(List<LeadNotificationView> notifications, long change, long readAt) {
	}

}
