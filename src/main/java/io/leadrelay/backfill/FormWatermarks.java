package io.leadrelay.backfill;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each form's leads have been read. The watermark only moves forward, and only
 * from a read that began at or before it, also when two engines poll at once.
 */
@Component
class FormWatermarks {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	FormWatermarks(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Watermark> of(String formId) {
		return this.jdbc
			.query("SELECT read_until, next_window_end FROM form_watermark WHERE form_id = ?",
					(row, n) -> new Watermark(row.getObject(1, OffsetDateTime.class).toInstant(),
							Optional.ofNullable(row.getObject(2, OffsetDateTime.class))
								.map(OffsetDateTime::toInstant)
								.orElse(null)),
					formId)
			.stream()
			.findFirst();
	}

	/**
	 * Record a read: every lead created from {@code readFrom} to {@code readUntil} was
	 * read (so the watermark moves to {@code readUntil} if it lay in between), and the
	 * next window ends at {@code nextWindowEnd} ({@code null}: at the time of the poll).
	 */
	void record(String formId, String pageId, Instant readFrom, Instant readUntil, Instant nextWindowEnd) {
		OffsetDateTime from = utc(readFrom);
		OffsetDateTime until = utc(readUntil);
		OffsetDateTime next = (nextWindowEnd != null) ? utc(nextWindowEnd) : null;
		OffsetDateTime now = utc(this.clock.instant());
		if (this.jdbc.update(
				"UPDATE form_watermark SET read_until = CASE WHEN read_until >= ? AND read_until < ? "
						+ "THEN ? ELSE read_until END, next_window_end = ?, checked_at = ? WHERE form_id = ?",
				from, until, until, next, now, formId) > 0) {
			return;
		}
		try {
			this.jdbc.update("INSERT INTO form_watermark (form_id, page_id, read_until, next_window_end, checked_at) "
					+ "VALUES (?, ?, ?, ?, ?)", formId, pageId, until, next, now);
		}
		catch (DuplicateKeyException ex) {
			record(formId, pageId, readFrom, readUntil, nextWindowEnd);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A form's watermark.
	 *
	 * @param readUntil every lead created before this time has been read
	 * @param nextWindowEnd where the next read window ends, or {@code null} for the time
	 * of the poll
	 */
	record Watermark(Instant readUntil, Instant nextWindowEnd) {

	}

}
