package io.leadrelay.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries for people: listed and filtered (the dead-letter queue is
 * {@code status=dead}), read with their payload and every attempt, and replayed.
 */
@Service
public class Deliveries {

	/** The most deliveries one bulk replay takes. */
	public static final int MAX_BULK = 1000;

	private static final String COLUMNS = """
			SELECT id, leadgen_id, destination_id, mapping_id, mapping_version, status, attempts, next_attempt_at,
			    last_error, crm_record_id, created_at, updated_at, delivered_at, payload_revision, discarded_at,
			    discarded_by, discard_reason FROM delivery""";

	private static final RowMapper<DeliveryView> VIEW = (rs, row) -> new DeliveryView(rs.getLong(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getInt(7),
			instant(rs.getObject(8, OffsetDateTime.class)), rs.getString(9), rs.getString(10),
			instant(rs.getObject(11, OffsetDateTime.class)), instant(rs.getObject(12, OffsetDateTime.class)),
			instant(rs.getObject(13, OffsetDateTime.class)), rs.getInt(14), discard(rs));

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final ObjectMapper json;

	Deliveries(JdbcTemplate jdbc, AuditLog audit, Clock clock, ObjectMapper json) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.json = json;
	}

	/**
	 * The deliveries a filter matches, newest first, one slice at a time.
	 * @param page which slice, from 0
	 * @param size how many deliveries a slice holds
	 */
	public Slice find(DeliveryFilter filter, int page, int size) {
		List<Object> arguments = new ArrayList<>();
		String where = where(filter, arguments);
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery" + where, Long.class, arguments.toArray());
		arguments.add(size);
		arguments.add((long) page * size);
		List<DeliveryView> items = this.jdbc.query(COLUMNS + where + " ORDER BY id DESC LIMIT ? OFFSET ?", VIEW,
				arguments.toArray());
		return new Slice(items, page, size, (total != null) ? total : 0);
	}

	/**
	 * The deliveries a filter matches, newest first, from below a delivery id on (keyset
	 * paging: as fast on the last slice as on the first).
	 * @param before the id the slice starts below ({@code null} for the newest)
	 * @param size how many deliveries a slice holds
	 */
	public KeysetSlice newest(DeliveryFilter filter, Long before, int size) {
		List<Object> arguments = new ArrayList<>();
		String where = where(filter, arguments);
		if (before != null) {
			where += (where.isEmpty() ? " WHERE " : " AND ") + "id < ?";
			arguments.add(before);
		}
		arguments.add(size + 1);
		List<DeliveryView> read = this.jdbc.query(COLUMNS + where + " ORDER BY id DESC LIMIT ?", VIEW,
				arguments.toArray());
		boolean more = read.size() > size;
		List<DeliveryView> items = more ? read.subList(0, size) : read;
		return new KeysetSlice(items, more ? items.get(size - 1).id() : null);
	}

	/** How many deliveries a filter matches, counted up to {@code max + 1} at most. */
	public long count(DeliveryFilter filter, int max) {
		List<Object> arguments = new ArrayList<>();
		String where = where(filter, arguments);
		arguments.add(max + 1);
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM (SELECT id FROM delivery" + where + " LIMIT ?) matched", Long.class,
				arguments.toArray());
		return (count != null) ? count : 0;
	}

	/** How many dead letters wait (read on the status index). */
	public long deadLetters() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE status = 'dead'", Long.class);
		return (count != null) ? count : 0;
	}

	/** The ids of the deliveries a filter matches, oldest first, at most {@code max}. */
	public List<Long> ids(DeliveryFilter filter, int max) {
		List<Object> arguments = new ArrayList<>();
		String where = where(filter, arguments);
		arguments.add(max);
		return this.jdbc.queryForList("SELECT id FROM delivery" + where + " ORDER BY id LIMIT ?", Long.class,
				arguments.toArray());
	}

	public DeliveryView get(long id) {
		return this.jdbc.query(COLUMNS + " WHERE id = ?", VIEW, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new DeliveryNotFoundException(id));
	}

	/** The payload a delivery sends (or sent), as JSON. */
	public String payload(long id) {
		return this.jdbc.queryForList("SELECT payload FROM delivery WHERE id = ?", String.class, id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new DeliveryNotFoundException(id));
	}

	/** Every try of a delivery, oldest first. */
	public List<DeliveryAttemptView> attempts(long id) {
		return this.jdbc.query("""
				SELECT started_at, duration_ms, outcome, http_status, error_code, message, crm_record_id
				FROM delivery_attempt WHERE delivery_id = ? ORDER BY id""",
				(rs, row) -> new DeliveryAttemptView(instant(rs.getObject(1, OffsetDateTime.class)), rs.getLong(2),
						rs.getString(3), (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7)),
				id);
	}

	/**
	 * Sends a dead (or delivered) delivery again, now, with a fresh retry horizon. A new
	 * payload that differs from the one stored counts as a new revision of the delivery,
	 * so targets that drop repeats by message id see a new message
	 * ({@link DeliveryRequest#messageId()}); the same payload again keeps its revision.
	 * @param payloadJson the payload re-mapped with the current mapping, or {@code null}
	 * to resend the payload as it is
	 * @param mappingVersion the version that re-mapped it ({@code null} with the payload)
	 */
	@Transactional
	public DeliveryView replay(long id, String payloadJson, Integer mappingVersion, String actor) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT status, payload FROM delivery WHERE id = ? FOR UPDATE", id);
		if (rows.isEmpty()) {
			throw new DeliveryNotFoundException(id);
		}
		String status = (String) rows.get(0).get("status");
		if (!List.of("dead", "delivered").contains(status)) {
			throw new DeliveryNotReplayableException(id, status);
		}
		boolean changed = payloadJson != null && !samePayload((String) rows.get(0).get("payload"), payloadJson);
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		this.jdbc.update("""
				UPDATE delivery SET status = 'pending', attempts = 0, next_attempt_at = ?, retry_from = ?,
				    last_error = NULL, updated_at = ?, payload = COALESCE(?, payload),
				    mapping_version = COALESCE(?, mapping_version), payload_revision = payload_revision + ?
				WHERE id = ?""", now, now, now, payloadJson, mappingVersion, changed ? 1 : 0, id);
		DeliveryView delivery = get(id);
		Map<String, Object> details = new LinkedHashMap<>(AuditDetails.of("destination", delivery.destinationId(),
				"delivery", id, "remapped", payloadJson != null, "mapping_version", delivery.mappingVersion()));
		details.put("payload_changed", changed);
		this.audit
			.record(new AuditEntry(now.toInstant(), actor, "delivery.replayed", "lead", delivery.leadgenId(), details));
		return delivery;
	}

	/** Whether two payloads hold the same fields and values (in any order). */
	private boolean samePayload(String stored, String replayed) {
		try {
			return this.json.readTree(stored).equals(this.json.readTree(replayed));
		}
		catch (JsonProcessingException ex) {
			return stored.equals(replayed);
		}
	}

	private static String where(DeliveryFilter filter, List<Object> arguments) {
		List<String> conditions = new ArrayList<>();
		if (filter.status() != null) {
			conditions.add("status = ?");
			arguments.add(filter.status().code());
		}
		if (filter.destinationId() != null) {
			conditions.add("destination_id = ?");
			arguments.add(filter.destinationId());
		}
		if (filter.leadgenId() != null) {
			conditions.add("leadgen_id = ?");
			arguments.add(filter.leadgenId());
		}
		if (filter.error() != null) {
			conditions.add("LOWER(last_error) LIKE ? ESCAPE '\\'");
			arguments.add("%" + filter.error().toLowerCase(Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%");
		}
		if (filter.from() != null) {
			conditions.add("created_at >= ?");
			arguments.add(filter.from().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			conditions.add("created_at < ?");
			arguments.add(filter.to().atOffset(ZoneOffset.UTC));
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static DeliveryView.Discard discard(ResultSet rs) throws SQLException {
		OffsetDateTime at = rs.getObject(15, OffsetDateTime.class);
		return (at != null) ? new DeliveryView.Discard(at.toInstant(), rs.getString(16), rs.getString(17)) : null;
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A slice of the deliveries a filter matches; its JSON keeps the API's paging words
	 * ({@code page}, {@code totalPages}).
	 *
	 * @param items the deliveries in this slice, newest first
	 * @param page which slice this is, from 0
	 * @param size the slice size asked for
	 * @param totalItems how many match in all
	 */
	public record Slice(List<DeliveryView> items, int page, int size, long totalItems) {

		public long totalPages() {
			return (this.totalItems + this.size - 1) / this.size;
		}

	}

	/**
	 * A slice of the deliveries a filter matches, read by keyset.
	 *
	 * @param items the deliveries, newest first
	 * @param nextBefore the {@code before} of the next slice ({@code null} on the last)
	 */
	public record KeysetSlice(List<DeliveryView> items, Long nextBefore) {
	}

}
