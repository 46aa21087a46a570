package io.leadrelay.destination;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.crypto.SecretCipher;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of destinations. Credentials are one JSON object, encrypted and bound to
 * its destination; they leave this class only towards the connector that uses them.
 */
@Service
public class Destinations {

	static final String ACTIVE = "active";

	static final String NEEDS_CREDENTIALS = "needs_credentials";

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			SELECT destination_id, name, type, settings, credential_names, enabled, status, created_at, updated_at
			FROM destination""";

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final Clock clock;

	private final RowMapper<DestinationView> view;

	Destinations(JdbcTemplate jdbc, SecretCipher cipher, ApplicationEventPublisher events, ObjectMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.view = (rs, row) -> new DestinationView(rs.getString(1), rs.getString(2), rs.getString(3),
				readMap(rs.getString(4)), names(rs.getString(5)), rs.getBoolean(6), rs.getString(7),
				rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant());
	}

	public List<DestinationView> list() {
		return this.jdbc.query(COLUMNS + " ORDER BY destination_id", this.view);
	}

	public DestinationView get(String id) {
		return this.jdbc.query(COLUMNS + " WHERE destination_id = ?", this.view, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new DestinationNotFoundException(id));
	}

	public boolean exists(String id) {
		return !this.jdbc.queryForList("SELECT 1 FROM destination WHERE destination_id = ?", Integer.class, id)
			.isEmpty();
	}

	@Transactional
	public DestinationView create(NewDestination destination, String actor) {
		Map<String, String> settings = DestinationRules.settings(destination.type(), destination.settings());
		DestinationRules.credentials(destination.type(), settings, destination.credentials());
		OffsetDateTime now = now();
		try {
			this.jdbc.update("""
					INSERT INTO destination (destination_id, name, type, settings, credentials_ciphertext,
					    credential_names, enabled, status, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", destination.id(), destination.name(),
					destination.type().code(), writeMap(settings),
					encryptCredentials(destination.id(), destination.credentials()),
					String.join(",", new TreeMap<>(destination.credentials()).keySet()), destination.enabled(), ACTIVE,
					now, now);
		}
		catch (DuplicateKeyException ex) {
			throw new DestinationAlreadyExistsException(destination.id());
		}
		this.events.publishEvent(new DestinationChanged.Created(destination.id(), actor, destination.type().code(),
				destination.enabled()));
		return get(destination.id());
	}

	/** Apply a change; {@code null} parts keep their current value. */
	@Transactional
	public DestinationView update(String id, DestinationChange change, String actor) {
		DestinationView current = get(id);
		DestinationType type = DestinationType.fromCode(current.type()).orElseThrow();
		Map<String, String> settings = DestinationRules.settings(type,
				(change.settings() != null) ? change.settings() : current.settings());
		Map<String, String> credentials = (change.credentials() != null) ? change.credentials() : credentials(id);
		DestinationRules.credentials(type, settings, credentials);
		boolean newCredentials = change.credentials() != null;
		this.jdbc.update("""
				UPDATE destination SET name = ?, settings = ?, credentials_ciphertext = ?, credential_names = ?,
				    enabled = ?, status = ?, updated_at = ? WHERE destination_id = ?""",
				(change.name() != null) ? change.name() : current.name(), writeMap(settings),
				encryptCredentials(id, credentials), String.join(",", new TreeMap<>(credentials).keySet()),
				(change.enabled() != null) ? change.enabled() : current.enabled(),
				newCredentials ? ACTIVE : current.status(), now(), id);
		this.events.publishEvent(new DestinationChanged.Updated(id, actor, newCredentials));
		return get(id);
	}

	@Transactional
	public void delete(String id, String actor) {
		if (this.jdbc.update("DELETE FROM destination WHERE destination_id = ?", id) == 0) {
			throw new DestinationNotFoundException(id);
		}
		this.events.publishEvent(new DestinationChanged.Deleted(id, actor));
	}

	/** The destination's credentials in clear, for its connector. */
	public Map<String, String> credentials(String id) {
		List<String> stored = this.jdbc
			.queryForList("SELECT credentials_ciphertext FROM destination WHERE destination_id = ?", String.class, id);
		if (stored.isEmpty()) {
			throw new DestinationNotFoundException(id);
		}
		// A destination without credentials (a route) stores none.
		String ciphertext = stored.get(0);
		return (ciphertext != null) ? readMap(this.cipher.decrypt(ciphertext, context(id))) : Map.of();
	}

	/**
	 * Pause a destination whose target refused its credentials, until they are replaced.
	 */
	@Transactional
	public void markNeedsCredentials(String id, String reason) {
		if (this.jdbc.update(
				"UPDATE destination SET status = ?, updated_at = ? WHERE destination_id = ? AND status <> ?",
				NEEDS_CREDENTIALS, now(), id, NEEDS_CREDENTIALS) > 0) {
			this.events.publishEvent(new DestinationChanged.CredentialsRefused(id));
		}
	}

	private String encryptCredentials(String id, Map<String, String> credentials) {
		return credentials.isEmpty() ? null : this.cipher.encrypt(writeMap(credentials), context(id));
	}

	private static String context(String id) {
		return "destination:" + id + ":credentials";
	}

	private static List<String> names(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

	private Map<String, String> readMap(String text) {
		try {
			return this.json.readValue(text, STRING_MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored destination map is not JSON", ex);
		}
	}

	private String writeMap(Map<String, String> map) {
		try {
			return this.json.writeValueAsString(map);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
