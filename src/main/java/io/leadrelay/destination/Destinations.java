package io.leadrelay.destination;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.crypto.SecretCipher;
import io.leadrelay.destination.spi.DestinationType;

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

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			SELECT destination_id, name, type, settings, credential_names, enabled, status, created_at, updated_at
			FROM destination""";

	private final JdbcTemplate jdbc;

	private final DestinationTypes types;

	private final SecretCipher cipher;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final Clock clock;

	private final RowMapper<DestinationView> view;

	private final WaitingDeliveries waiting;

	Destinations(JdbcTemplate jdbc, DestinationTypes types, SecretCipher cipher, ApplicationEventPublisher events,
			ObjectMapper json, Clock clock, WaitingDeliveries waiting) {
		this.jdbc = jdbc;
		this.types = types;
		this.cipher = cipher;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.waiting = waiting;
		this.view = (rs, row) -> new DestinationView(rs.getString(1), rs.getString(2), rs.getString(3),
				readMap(rs.getString(4)), names(rs.getString(5)), rs.getBoolean(6),
				DestinationStatus.fromCode(rs.getString(7)), rs.getObject(8, OffsetDateTime.class).toInstant(),
				rs.getObject(9, OffsetDateTime.class).toInstant());
	}

	public List<DestinationView> list() {
		return this.jdbc.query(COLUMNS + " ORDER BY destination_id", this.view);
	}

	/** Each destination's name by its id, in the order of {@link #list()}. */
	public Map<String, String> names() {
		Map<String, String> names = new LinkedHashMap<>();
		list().forEach((destination) -> names.put(destination.id(), destination.name()));
		return names;
	}

	public DestinationView get(String id) {
		return this.jdbc.query(COLUMNS + " WHERE destination_id = ?", this.view, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new DestinationNotFoundException(id));
	}

	/**
	 * The ids of the destinations that {@link DestinationView#mayReceive() may receive}
	 * leads now.
	 */
	public List<String> receivingNow() {
		return list().stream().filter(DestinationView::mayReceive).map(DestinationView::id).toList();
	}

	public boolean exists(String id) {
		return !this.jdbc.queryForList("SELECT 1 FROM destination WHERE destination_id = ?", Integer.class, id)
			.isEmpty();
	}

	@Transactional
	public DestinationView create(NewDestination destination, String actor) {
		DestinationType type = this.types.get(destination.type());
		Map<String, String> settings = DestinationRules.settings(type, destination.settings());
		type.checkCredentials(settings, destination.credentials());
		OffsetDateTime now = now();
		try {
			this.jdbc.update("""
					INSERT INTO destination (destination_id, name, type, settings, credentials_ciphertext,
					    credential_names, enabled, status, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", destination.id(), destination.name(), type.code(),
					writeMap(settings), encryptCredentials(destination.id(), destination.credentials()),
					String.join(",", new TreeMap<>(destination.credentials()).keySet()), destination.enabled(),
					DestinationStatus.ACTIVE.code(), now, now);
		}
		catch (DuplicateKeyException ex) {
			throw new DestinationAlreadyExistsException(destination.id());
		}
		this.events
			.publishEvent(new DestinationChanged.Created(destination.id(), actor, type.code(), destination.enabled()));
		return get(destination.id());
	}

	/** Apply a change; {@code null} parts keep their current value. */
	@Transactional
	public DestinationView update(String id, DestinationChange change, String actor) {
		DestinationView current = get(id);
		DestinationType type = this.types.get(current.type());
		Map<String, String> settings = DestinationRules.settings(type,
				(change.settings() != null) ? change.settings() : current.settings());
		Map<String, String> credentials = (change.credentials() != null) ? change.credentials() : credentials(id);
		type.checkCredentials(settings, credentials);
		boolean newCredentials = change.credentials() != null;
		this.jdbc.update("""
				UPDATE destination SET name = ?, settings = ?, credentials_ciphertext = ?, credential_names = ?,
				    enabled = ?, status = ?, updated_at = ? WHERE destination_id = ?""",
				(change.name() != null) ? change.name() : current.name(), writeMap(settings),
				encryptCredentials(id, credentials), String.join(",", new TreeMap<>(credentials).keySet()),
				(change.enabled() != null) ? change.enabled() : current.enabled(),
				(newCredentials ? DestinationStatus.ACTIVE : current.status()).code(), now(), id);
		this.events.publishEvent(new DestinationChanged.Updated(id, actor, newCredentials));
		return get(id);
	}

	/**
	 * Deletes a destination. Deliveries that wait for it would wait forever once it is
	 * gone, so they are either given up in the same transaction or the delete is refused.
	 * The destination's row is locked first, so two deletes do not both count.
	 * @param whenWaiting what becomes of the deliveries that wait
	 * @return how many deliveries were given up
	 * @throws DestinationHasWaitingDeliveriesException when some wait and the caller said
	 * {@link WhenWaiting#REFUSE}
	 */
	@Transactional
	public int delete(String id, WhenWaiting whenWaiting, String actor) {
		if (this.jdbc
			.queryForList("SELECT destination_id FROM destination WHERE destination_id = ? FOR UPDATE", String.class,
					id)
			.isEmpty()) {
			throw new DestinationNotFoundException(id);
		}
		int waiting = this.waiting.count(id);
		int abandoned = 0;
		if (waiting > 0) {
			if (whenWaiting == WhenWaiting.REFUSE) {
				throw new DestinationHasWaitingDeliveriesException(id, waiting);
			}
			abandoned = this.waiting.abandon(id, WaitingDeliveries.DESTINATION_DELETED, actor);
		}
		this.jdbc.update("DELETE FROM destination WHERE destination_id = ?", id);
		this.events.publishEvent(new DestinationChanged.Deleted(id, actor, abandoned));
		return abandoned;
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
				DestinationStatus.NEEDS_CREDENTIALS.code(), now(), id,
				DestinationStatus.NEEDS_CREDENTIALS.code()) > 0) {
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
