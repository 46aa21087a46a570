package io.leadrelay.destination;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fields each destination's CRM offers, as read from the CRM at the last refresh.
 */
@Service
public class CrmFields {

	/** Separates a choice field's options in the stored column. */
	private static final String OPTION_SEPARATOR = "\u001f";

	private final JdbcTemplate jdbc;

	CrmFields(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The destination's fields in the CRM's order; empty when never read. */
	public List<CrmField> of(String destinationId) {
		return this.jdbc.query(
				"""
						SELECT name, label, type, required, read_only, options FROM destination_field
						WHERE destination_id = ? ORDER BY position""", (rs, row) -> new CrmField(rs.getString(1),
						rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), options(rs.getString(6))),
				destinationId);
	}

	/** When the destination's fields were last read, if ever. */
	public Optional<Instant> fetchedAt(String destinationId) {
		return this.jdbc
			.queryForList("SELECT MAX(fetched_at) FROM destination_field WHERE destination_id = ?",
					OffsetDateTime.class, destinationId)
			.stream()
			.filter((at) -> at != null)
			.map(OffsetDateTime::toInstant)
			.findFirst();
	}

	/** Replaces the destination's fields with those just read from the CRM. */
	@Transactional
	public void replace(String destinationId, List<CrmField> fields, Instant fetchedAt) {
		this.jdbc.update("DELETE FROM destination_field WHERE destination_id = ?", destinationId);
		OffsetDateTime at = fetchedAt.atOffset(ZoneOffset.UTC);
		int position = 0;
		for (CrmField field : fields) {
			this.jdbc.update("""
					INSERT INTO destination_field (destination_id, name, label, type, required, read_only, options,
					    position, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", destinationId, field.name(),
					field.label(), field.type(), field.required(), field.readOnly(),
					field.options().isEmpty() ? null : String.join(OPTION_SEPARATOR, field.options()), position++, at);
		}
	}

	/** Forgets the destination's fields (it was deleted). */
	public void forget(String destinationId) {
		this.jdbc.update("DELETE FROM destination_field WHERE destination_id = ?", destinationId);
	}

	private static List<String> options(String stored) {
		return (stored != null) ? Arrays.asList(stored.split(OPTION_SEPARATOR)) : List.of();
	}

}
