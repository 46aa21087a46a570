package io.leadrelay.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries of mapped leads: one row per (lead, destination).
 */
@Service
public class DeliveryStore {

	private static final String INSERT_IF_ABSENT = """
			INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
			    next_attempt_at, last_error, created_at, updated_at, retry_from, event_at)
			SELECT CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS INTEGER),
			    CAST(? AS VARCHAR(100000)), CAST(? AS VARCHAR(16)), CAST(? AS TIMESTAMP WITH TIME ZONE),
			    CAST(? AS VARCHAR(2000)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),
			    CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)
			WHERE NOT EXISTS (SELECT 1 FROM delivery WHERE leadgen_id = ? AND destination_id = ?)""";

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	DeliveryStore(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Add a delivery, due now, unless the lead already has one for that destination (a
	 * lead processed twice after a crash). Joins the caller's transaction.
	 * @return whether a delivery was added
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean add(NewDelivery delivery) {
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		int added = this.jdbc.update(INSERT_IF_ABSENT, values(delivery, now));
		if (added == 1) {
			this.audit.record(entry(delivery));
		}
		return added == 1;
	}

	/**
	 * {@link #add Adds} several deliveries in one batch, in their order, each audited as
	 * {@link #add} does. Joins the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void addAll(List<NewDelivery> deliveries) {
		if (deliveries.isEmpty()) {
			return;
		}
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		int[] added = this.jdbc.batchUpdate(INSERT_IF_ABSENT,
				deliveries.stream().map((delivery) -> values(delivery, now)).toList());
		List<AuditEntry> entries = new ArrayList<>(deliveries.size());
		for (int index = 0; index < deliveries.size(); index++) {
			if (added[index] == 1) {
				entries.add(entry(deliveries.get(index)));
			}
		}
		this.audit.recordAll(entries);
	}

	private static Object[] values(NewDelivery delivery, OffsetDateTime now) {
		boolean dead = delivery.mappingError() != null;
		return new Object[] { delivery.leadgenId(), delivery.destinationId(), delivery.mappingId(),
				delivery.mappingVersion(), delivery.payloadJson(),
				(dead ? DeliveryStatus.DEAD : DeliveryStatus.PENDING).code(), dead ? null : now,
				dead ? truncate(delivery.mappingError()) : null, now, now, now,
				(delivery.eventTime() != null) ? delivery.eventTime().atOffset(ZoneOffset.UTC) : now,
				delivery.leadgenId(), delivery.destinationId() };
	}

	private AuditEntry entry(NewDelivery delivery) {
		boolean dead = delivery.mappingError() != null;
		return new AuditEntry(this.clock.instant(), "system", dead ? "delivery.dead" : "delivery.pending", "lead",
				delivery.leadgenId(), AuditDetails.of("destination", delivery.destinationId(), "mapping",
						delivery.mappingId(), "version", delivery.mappingVersion()));
	}

	private static String truncate(String message) {
		return (message.length() <= 2000) ? message : message.substring(0, 2000);
	}

}
