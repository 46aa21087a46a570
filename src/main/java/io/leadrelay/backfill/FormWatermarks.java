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
 * The newest lead seen per form. It only moves forward, also when two engines poll at
 * once.
 */
@Component
class FormWatermarks {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	FormWatermarks(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Instant> newest(String formId) {
		return this.jdbc
			.queryForList("SELECT last_created_time FROM form_watermark WHERE form_id = ?", OffsetDateTime.class,
					formId)
			.stream()
			.findFirst()
			.map(OffsetDateTime::toInstant);
	}

	void advance(String formId, String pageId, Instant newest) {
		OffsetDateTime time = newest.atOffset(ZoneOffset.UTC);
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		if (this.jdbc
			.update("UPDATE form_watermark SET last_created_time = ?, checked_at = ? "
					+ "WHERE form_id = ? AND last_created_time < ?", time, now, formId, time) > 0
				|| newest(formId).isPresent()) {
			return;
		}
		try {
			this.jdbc.update(
					"INSERT INTO form_watermark (form_id, page_id, last_created_time, checked_at) VALUES (?, ?, ?, ?)",
					formId, pageId, time, now);
		}
		catch (DuplicateKeyException ex) {
			advance(formId, pageId, newest);
		}
	}

}
