package io.leadrelay.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.destination.Destinations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person does to a dead letter besides replaying it: discards it with a reason, or
 * edits its payload (kept beside the payload it replaced) and sends it again. Both are
 * audited without the payload's content.
 */
@Service
public class DeliveryEdits {

	/** The longest reason kept. */
	public static final int MAX_REASON = 500;

	private static final int MAX_PAYLOAD = 100_000;

	private final JdbcTemplate jdbc;

	private final Deliveries deliveries;

	private final Destinations destinations;

	private final AuditLog audit;

	private final Clock clock;

	private final ObjectMapper json;

	DeliveryEdits(JdbcTemplate jdbc, Deliveries deliveries, Destinations destinations, AuditLog audit, Clock clock,
			ObjectMapper json) {
		this.jdbc = jdbc;
		this.deliveries = deliveries;
		this.destinations = destinations;
		this.audit = audit;
		this.clock = clock;
		this.json = json;
	}

	/**
	 * Gives up on a dead letter: it is kept, marked discarded with the reason, never sent
	 * and no longer counted as a dead letter.
	 */
	@Transactional
	public DeliveryView discard(long id, String reason, String actor) {
		String why = reason(reason, "discard");
		Locked delivery = lock(id);
		if (!DeliveryStatus.DEAD.code().equals(delivery.status())) {
			throw new DeliveryChangeRefusedException("status", "Only dead letters can be discarded; this delivery is "
					+ DeliveryStatus.labelOf(delivery.status()).toLowerCase());
		}
		OffsetDateTime now = now();
		this.jdbc.update("""
				UPDATE delivery SET status = 'discarded', discarded_at = ?, discarded_by = ?, discard_reason = ?,
				    next_attempt_at = NULL, updated_at = ? WHERE id = ?""", now, actor, why, now, id);
		DeliveryView discarded = this.deliveries.get(id);
		this.audit.record(new AuditEntry(now.toInstant(), actor, "delivery.discarded", "lead", discarded.leadgenId(),
				AuditDetails.of("destination", discarded.destinationId(), "delivery", id, "reason", why)));
		return discarded;
	}

	/**
	 * Replaces the payload of a dead (or delivered) delivery with one a person wrote,
	 * keeping the one it replaces, and queues it again unless told not to. The new
	 * payload is a new revision, so receivers that drop repeats by message id take it.
	 */
	@Transactional
	public DeliveryView editPayload(long id, JsonNode payload, String reason, boolean resend, String actor) {
		if (payload == null || !payload.isObject()) {
			throw new DeliveryChangeRefusedException("payload",
					"The payload must be a JSON object, such as {\"email\": \"ana@example.com\"}");
		}
		String why = reason(reason, "change");
		String edited = write(payload);
		if (edited.length() > MAX_PAYLOAD) {
			throw new DeliveryChangeRefusedException("payload",
					"The payload is too long: at most " + MAX_PAYLOAD + " characters");
		}
		Locked delivery = lock(id);
		if (!List.of("dead", "delivered").contains(delivery.status())) {
			throw new DeliveryChangeRefusedException("status",
					"Only dead letters and delivered deliveries can be edited; this delivery is "
							+ DeliveryStatus.labelOf(delivery.status()).toLowerCase());
		}
		JsonNode previous = read(delivery.payload());
		if (payload.equals(previous)) {
			throw new DeliveryChangeRefusedException("payload",
					"The payload is the same as before: change a field, or resend it as it is");
		}
		DeliveryView before = this.deliveries.get(id);
		if (resend && !this.destinations.exists(before.destinationId())) {
			throw new DeliveryChangeRefusedException("destination", "The destination '" + before.destinationId()
					+ "' no longer exists; add it again to send this delivery");
		}
		OffsetDateTime now = now();
		this.jdbc.update(
				"""
						INSERT INTO delivery_payload_edit (delivery_id, edited_at, edited_by, previous_payload, new_payload, reason)
						VALUES (?, ?, ?, ?, ?, ?)""",
				id, now, actor, delivery.payload(), edited, why);
		this.jdbc
			.update("""
					UPDATE delivery SET payload = ?, payload_revision = payload_revision + 1, updated_at = ? WHERE id = ?""",
					edited, now, id);
		Map<String, Object> details = AuditDetails.of("destination", before.destinationId(), "delivery", id, "reason",
				why, "fields_changed", changedFields(previous, payload));
		this.audit.record(
				new AuditEntry(now.toInstant(), actor, "delivery.payload_edited", "lead", before.leadgenId(), details));
		return resend ? this.deliveries.replay(id, null, null, actor) : this.deliveries.get(id);
	}

	/** Every edit of a delivery's payload, oldest first. */
	public List<PayloadEdit> edits(long id) {
		return this.jdbc.query("""
				SELECT edited_at, edited_by, previous_payload, new_payload, reason FROM delivery_payload_edit
				WHERE delivery_id = ? ORDER BY id""",
				(rs, row) -> new PayloadEdit(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
						rs.getString(3), rs.getString(4), rs.getString(5)),
				id);
	}

	private Locked lock(long id) {
		return this.jdbc
			.query("SELECT status, payload FROM delivery WHERE id = ? FOR UPDATE",
					(rs, row) -> new Locked(rs.getString(1), rs.getString(2)), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new DeliveryNotFoundException(id));
	}

	private static String reason(String reason, String what) {
		String trimmed = (reason != null) ? reason.strip() : "";
		if (trimmed.isEmpty()) {
			throw new DeliveryChangeRefusedException("reason", "Say why you " + what + " it: a reason is required");
		}
		if (trimmed.length() > MAX_REASON) {
			throw new DeliveryChangeRefusedException("reason",
					"The reason is too long: at most " + MAX_REASON + " characters");
		}
		return trimmed;
	}

	/**
	 * The names of the top-level fields added, removed or changed: never their values.
	 */
	private static List<String> changedFields(JsonNode before, JsonNode after) {
		TreeSet<String> names = new TreeSet<>();
		before.fieldNames().forEachRemaining(names::add);
		after.fieldNames().forEachRemaining(names::add);
		List<String> changed = new ArrayList<>();
		for (String name : names) {
			if (!before.path(name).equals(after.path(name))) {
				changed.add(name);
			}
		}
		return changed;
	}

	private JsonNode read(String stored) {
		try {
			return this.json.readTree(stored);
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

	private String write(JsonNode payload) {
		try {
			return this.json.writeValueAsString(payload);
		}
		catch (JsonProcessingException ex) {
			throw new DeliveryChangeRefusedException("payload", "The payload could not be written as JSON");
		}
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private record Locked(String status, String payload) {
	}

}
