package io.leadrelay.alert;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.crypto.SecretCipher;
import io.leadrelay.delivery.NetworkGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channels alerts go to, as an admin sets them up: added, enabled or disabled,
 * deleted, and tested; each change audited. The enabled channels last read are kept in
 * memory, so that an alert still goes out when the database itself is out of reach.
 */
@Service
public class AlertChannels {

	private static final Logger log = LoggerFactory.getLogger(AlertChannels.class);

	private static final String COLUMNS = "SELECT id, name, kind, recipients, webhook_url, webhook_host, enabled, "
			+ "created_at FROM alert_channel";

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final ChannelRules rules;

	private final ChannelSender sender;

	private final AuditLog audit;

	private final Clock clock;

	private final AlertChanges changes;

	private volatile List<Target> lastEnabled = List.of();

	AlertChannels(JdbcTemplate jdbc, SecretCipher cipher, NetworkGuard guard, ChannelSender sender, AuditLog audit,
			AlertsProperties properties, Clock clock, AlertChanges changes) {
		this.changes = changes;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.rules = new ChannelRules(guard, properties.allowPlainHttp());
		this.sender = sender;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ChannelView> list() {
		return this.jdbc.query(COLUMNS + " ORDER BY name", (rs, row) -> view(rs));
	}

	public ChannelView get(long id) {
		return this.jdbc.query(COLUMNS + " WHERE id = ?", (rs, row) -> view(rs), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new ChannelNotFoundException(id));
	}

	/** Adds an email channel, enabled. */
	@Transactional
	public ChannelView addEmail(String name, String recipients, String actor) {
		String checkedName = ChannelRules.name(name);
		List<String> addresses = ChannelRules.recipients(recipients);
		return insert(checkedName, ChannelKind.EMAIL, String.join(",", addresses), null, null, actor);
	}

	/** Adds a webhook channel, enabled; its URL is stored encrypted and never shown. */
	@Transactional
	public ChannelView addWebhook(String name, String url, String actor) {
		String checkedName = ChannelRules.name(name);
		URI uri = this.rules.webhookUrl(url);
		return insert(checkedName, ChannelKind.WEBHOOK, null, this.cipher.encrypt(uri.toString(), context(checkedName)),
				uri.getHost(), actor);
	}

	@Transactional
	public ChannelView setEnabled(long id, boolean enabled, String actor) {
		ChannelView channel = get(id);
		this.jdbc.update("UPDATE alert_channel SET enabled = ? WHERE id = ?", enabled, id);
		this.changes.changing();
		audit(actor, enabled ? "alert_channel.enabled" : "alert_channel.disabled", channel, null);
		return get(id);
	}

	@Transactional
	public void delete(long id, String actor) {
		ChannelView channel = get(id);
		this.jdbc.update("DELETE FROM alert_channel WHERE id = ?", id);
		this.changes.changing();
		audit(actor, "alert_channel.deleted", channel, null);
	}

	/**
	 * Sends a test alert to one channel, whether enabled or not, and audits the outcome.
	 */
	public SendResult test(long id, String actor) {
		ChannelView channel = get(id);
		SendResult result = send(id, new AlertMessage("LeadRelay test alert",
				"This is a test alert from LeadRelay, sent by " + actor + " from Settings > Alerts. "
						+ "Alerts about leads that wait, destinations that refuse their credentials and pages whose "
						+ "token expires will reach you here."));
		audit(actor, "alert_channel.tested", channel, AuditDetails.of("sent", result.sent()));
		return result;
	}

	/** Sends to one channel by id. */
	public SendResult send(long id, AlertMessage message) {
		Target target = this.jdbc.query(COLUMNS + " WHERE id = ?", (rs, row) -> target(rs), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new ChannelNotFoundException(id));
		return this.sender.send(target, message);
	}

	/**
	 * Sends to every enabled channel, read from the database now (and kept for
	 * {@link #sendToLastKnown}).
	 * @return how many took it
	 */
	public int sendToEnabled(AlertMessage message) {
		refreshLastKnown();
		return sendTo(this.lastEnabled, message);
	}

	/** Whether a channel was enabled when the channels were last read. */
	boolean anyEnabled() {
		return !this.lastEnabled.isEmpty();
	}

	/**
	 * Reads the enabled channels again for {@link #sendToLastKnown}; called while the
	 * database answers.
	 */
	void refreshLastKnown() {
		this.lastEnabled = this.jdbc.query(COLUMNS + " WHERE enabled = TRUE ORDER BY id", (rs, row) -> readable(rs))
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	/** Sends to the enabled channels last read, without asking the database. */
	int sendToLastKnown(AlertMessage message) {
		return sendTo(this.lastEnabled, message);
	}

	private int sendTo(List<Target> targets, AlertMessage message) {
		int sent = 0;
		for (Target target : targets) {
			SendResult result = this.sender.send(target, message);
			if (result.sent()) {
				sent++;
			}
			else {
				log.warn("Alert '{}' could not be sent to channel {}: {}", message.subject(), target.name(),
						result.message());
			}
		}
		return sent;
	}

	private ChannelView insert(String name, ChannelKind kind, String recipients, String url, String host,
			String actor) {
		try {
			this.jdbc.update("""
					INSERT INTO alert_channel (name, kind, recipients, webhook_url, webhook_host, enabled, created_at)
					VALUES (?, ?, ?, ?, ?, TRUE, ?)""", name, kind.code(), recipients, url, host,
					this.clock.instant().atOffset(ZoneOffset.UTC));
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidChannelException("name", "name is taken by another channel: choose another");
		}
		ChannelView channel = this.jdbc.query(COLUMNS + " WHERE name = ?", (rs, row) -> view(rs), name).get(0);
		audit(actor, "alert_channel.created", channel, AuditDetails.of("kind", kind.code()));
		return channel;
	}

	private void audit(String actor, String action, ChannelView channel, Map<String, ?> details) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("name", channel.name());
		if (details != null) {
			all.putAll(details);
		}
		this.audit.record(new AuditEntry(this.clock.instant(), actor, action, "alert_channel",
				String.valueOf(channel.id()), all));
	}

	private static ChannelView view(ResultSet rs) throws SQLException {
		return new ChannelView(rs.getLong("id"), rs.getString("name"), ChannelKind.of(rs.getString("kind")),
				split(rs.getString("recipients")), rs.getString("webhook_host"), rs.getBoolean("enabled"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	/**
	 * The channel, or {@code null} when its webhook address cannot be decrypted (its key
	 * was removed from {@code leadrelay.crypto}): one broken channel must not keep the
	 * alerts from the others.
	 */
	private Target readable(ResultSet rs) throws SQLException {
		try {
			return target(rs);
		}
		catch (RuntimeException ex) {
			log.error("The alert channel '{}' is skipped: its webhook address cannot be decrypted ({}); add it again",
					rs.getString("name"), ex.getClass().getSimpleName());
			return null;
		}
	}

	private Target target(ResultSet rs) throws SQLException {
		String name = rs.getString("name");
		String url = rs.getString("webhook_url");
		return new Target(rs.getLong("id"), name, ChannelKind.of(rs.getString("kind")),
				split(rs.getString("recipients")),
				(url != null) ? URI.create(this.cipher.decrypt(url, context(name))) : null);
	}

	private static List<String> split(String recipients) {
		return (recipients != null) ? Arrays.asList(recipients.split(",")) : List.of();
	}

	private static String context(String name) {
		return "alert-channel:" + name + ":webhook-url";
	}

}
