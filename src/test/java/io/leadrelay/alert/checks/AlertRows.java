package io.leadrelay.alert.checks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rows the delivery and webhook checks read (received leads, deliveries)
 * straight into the tables, with the times a test chooses.
 */
record AlertRows(JdbcTemplate jdbc) {

	private static final AtomicLong ids = new AtomicLong(930000000000000L);

	/** A lead of the page received at the given time by webhook, backfill or test. */
	String lead(String pageId, String source, Instant receivedAt) {
		String leadgenId = Long.toString(ids.incrementAndGet());
		this.jdbc.update("""
				INSERT INTO lead_event (leadgen_id, page_id, form_id, received_at, source, status, raw_value)
				VALUES (?, ?, '700000000000011', ?, ?, 'mapped', '{}')""", leadgenId, pageId, utc(receivedAt), source);
		return leadgenId;
	}

	/**
	 * A delivery of a new lead, made at {@code createdAt}, its status set at
	 * {@code updatedAt}.
	 */
	long delivery(String destinationId, String status, Instant createdAt, Instant updatedAt) {
		String leadgenId = Long.toString(ids.incrementAndGet());
		this.jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    created_at, updated_at)
				VALUES (?, ?, 'mapping-1', 1, '{}', ?, ?, ?)""", leadgenId, destinationId, status, utc(createdAt),
				utc(updatedAt));
		return this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ?", Long.class, leadgenId);
	}

	void setStatus(long deliveryId, String status, Instant updatedAt) {
		this.jdbc.update("UPDATE delivery SET status = ?, updated_at = ? WHERE id = ?", status, utc(updatedAt),
				deliveryId);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
