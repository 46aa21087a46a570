package io.leadrelay.mapping;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mappings and all their versions in the database. A save locks the mapping's row, adds a
 * version and moves the row to it, and announces it ({@link MappingSaved}), in one
 * transaction. Two saves of a new id at once (two instances starting, two users) collide
 * on the primary key; the loser runs again and then sees the winner's row.
 */
@Component
class MappingVersions {

	static final int MAX_ATTEMPTS = 5;

	private static final String SELECT_VERSION = """
			SELECT v.mapping_id, v.version, m.current_version, v.definition, v.created_at, v.created_by
			FROM mapping m JOIN mapping_version v ON v.mapping_id = m.id""";

	private static final RowMapper<StoredMapping> VERSION = (rs, row) -> new StoredMapping(rs.getString(1),
			rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
			rs.getString(6));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MappingVersions(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** How a save treats the mapping's existing versions. */
	enum Mode {

		/** Refuses an id that is taken. */
		CREATE,
		/** Refuses an id that is not. */
		UPDATE,
		/**
		 * Creates or updates, unless the text is the current version or the one this same
		 * file gave last time (so that changes made through the API since are kept until
		 * the file changes).
		 */
		FILE

	}

	/**
	 * Saves a validated definition as the mapping's next version.
	 * @param change how the version comes, as announced
	 * @param fromVersion for a rollback, the version saved again; otherwise {@code null}
	 * @return the new version, or empty when a file's text was loaded before
	 */
	Optional<StoredMapping> save(Mapping mapping, String definition, String actor, Mode mode,
			MappingSaved.Change change, Integer fromVersion) {
		for (int attempt = 1;; attempt++) {
			try {
				return Optional.ofNullable(this.transactions
					.execute((status) -> saveOnce(mapping, definition, actor, mode, change, fromVersion)));
			}
			catch (DuplicateKeyException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private StoredMapping saveOnce(Mapping mapping, String definition, String actor, Mode mode,
			MappingSaved.Change change, Integer fromVersion) {
		List<Integer> rows = this.jdbc.queryForList("SELECT current_version FROM mapping WHERE id = ? FOR UPDATE",
				Integer.class, mapping.id());
		Instant now = this.clock.instant();
		OffsetDateTime timestamp = now.atOffset(ZoneOffset.UTC);
		int version;
		if (rows.isEmpty()) {
			if (mode == Mode.UPDATE) {
				throw new MappingNotFoundException("There is no mapping '" + mapping.id() + "'");
			}
			requireDestinationFree(mapping);
			version = 1;
			this.jdbc.update("""
					INSERT INTO mapping (id, destination_id, enabled, current_version, updated_at, updated_by)
					VALUES (?, ?, ?, 1, ?, ?)""", mapping.id(), mapping.destination(), mapping.enabled(), timestamp,
					actor);
		}
		else {
			if (mode == Mode.CREATE) {
				throw new MappingAlreadyExistsException(mapping.id());
			}
			int current = rows.get(0);
			if (mode == Mode.FILE && loadedBefore(mapping.id(), current, definition, actor)) {
				return null;
			}
			requireDestinationFree(mapping);
			version = current + 1;
			this.jdbc.update("""
					UPDATE mapping SET destination_id = ?, enabled = ?, current_version = ?, updated_at = ?,
					    updated_by = ? WHERE id = ?""", mapping.destination(), mapping.enabled(), version, timestamp,
					actor, mapping.id());
		}
		this.jdbc.update("""
				INSERT INTO mapping_version (mapping_id, version, definition, created_at, created_by)
				VALUES (?, ?, ?, ?, ?)""", mapping.id(), version, definition, timestamp, actor);
		String file = actor.startsWith("file:") ? actor.substring("file:".length()) : null;
		this.events.publishEvent(new MappingSaved(mapping.id(), version, change, (file != null) ? "system" : actor, now,
				fromVersion, file));
		return new StoredMapping(mapping.id(), version, version, definition, now, actor);
	}

	/**
	 * Refuses a second enabled mapping for one destination. Checked only where an enabled
	 * definition is saved (a create, an update, a rollback, a file): disabling never
	 * conflicts.
	 */
	private void requireDestinationFree(Mapping mapping) {
		if (!mapping.enabled()) {
			return;
		}
		List<String> others = this.jdbc.queryForList(
				"SELECT id FROM mapping WHERE destination_id = ? AND enabled = TRUE AND id <> ? ORDER BY id",
				String.class, mapping.destination(), mapping.id());
		if (!others.isEmpty()) {
			throw new DestinationTakenException(mapping.id(), mapping.destination(), others.get(0));
		}
	}

	private boolean loadedBefore(String id, int current, String definition, String file) {
		List<String> previous = this.jdbc.query("""
				SELECT definition FROM mapping_version WHERE mapping_id = ? AND (version = ? OR version =
				    (SELECT MAX(version) FROM mapping_version WHERE mapping_id = ? AND created_by = ?))""",
				(rs, row) -> rs.getString(1), id, current, id, file);
		return previous.contains(definition);
	}

	Optional<StoredMapping> current(String id) {
		return this.jdbc.query(SELECT_VERSION + " AND v.version = m.current_version WHERE m.id = ?", VERSION, id)
			.stream()
			.findFirst();
	}

	Optional<StoredMapping> version(String id, int version) {
		return this.jdbc.query(SELECT_VERSION + " WHERE m.id = ? AND v.version = ?", VERSION, id, version)
			.stream()
			.findFirst();
	}

	/** Every version of a mapping, newest first; empty when there is no such mapping. */
	List<StoredMapping> versions(String id) {
		return this.jdbc.query(SELECT_VERSION + " WHERE m.id = ? ORDER BY v.version DESC", VERSION, id);
	}

	List<MappingSummary> list() {
		return this.jdbc.query("""
				SELECT id, destination_id, enabled, current_version, updated_at, updated_by FROM mapping
				ORDER BY id""", (rs, row) -> new MappingSummary(rs.getString(1), rs.getString(2), rs.getBoolean(3),
				rs.getInt(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)));
	}

	/** The current version of every enabled mapping. */
	List<StoredMapping> enabled() {
		return this.jdbc
			.query(SELECT_VERSION + " AND v.version = m.current_version WHERE m.enabled = TRUE ORDER BY m.id", VERSION);
	}

}
