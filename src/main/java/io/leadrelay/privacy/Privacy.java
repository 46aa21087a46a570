package io.leadrelay.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds, exports and erases one person, by the key {@link PersonKeys} reads.
 */
@Service
public class Privacy {

	private final PersonRecords records;

	private final PersonExport exports;

	private final PersonErasure erasure;

	private final Suppressions suppressions;

	private final JdbcTemplate jdbc;

	Privacy(PersonRecords records, PersonExport exports, PersonErasure erasure, Suppressions suppressions,
			JdbcTemplate jdbc) {
		this.records = records;
		this.exports = exports;
		this.erasure = erasure;
		this.suppressions = suppressions;
		this.jdbc = jdbc;
	}

	/** The person's leads, oldest first, as a search lists them. */
	public List<FoundLead> find(PersonKey key) {
		return this.records.leadIds(key).stream().map(this::found).toList();
	}

	/** Whether the person was erased before, and is kept from being stored again. */
	public boolean suppressed(PersonKey key) {
		return this.suppressions.suppressed(key);
	}

	/**
	 * Everything stored about the person, as a JSON document.
	 * @return empty when no stored lead is theirs
	 */
	public Optional<Map<String, Object>> export(PersonKey key) {
		List<String> leadIds = this.records.leadIds(key);
		if (leadIds.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(this.exports.export(key, leadIds, suppressed(key)));
	}

	/**
	 * Erases the person's personal data and suppresses them; erasing twice is harmless.
	 * @param askCrms whether to ask the CRMs to delete them too
	 * @param actor who asked
	 */
	public ErasureResult erase(PersonKey key, boolean askCrms, String actor) {
		return this.erasure.erase(key, this.records.leadIds(key), askCrms, actor);
	}

	private FoundLead found(String leadgenId) {
		return this.jdbc.queryForObject(
				"""
						SELECT e.received_at, COALESCE(l.form_name, l.form_id, e.form_id), COALESCE(p.name, e.page_id, l.page_id),
						    (SELECT COUNT(*) FROM delivery d WHERE d.leadgen_id = ?), l.personal_data_removed_at,
						    l.personal_data_removed_by
						FROM (SELECT CAST(? AS VARCHAR(32)) AS leadgen_id) k
						LEFT JOIN lead_event e ON e.leadgen_id = k.leadgen_id
						LEFT JOIN lead l ON l.leadgen_id = k.leadgen_id
						LEFT JOIN page p ON p.page_id = COALESCE(e.page_id, l.page_id)""",
				(rs, row) -> new FoundLead(leadgenId, instant(rs.getObject(1, OffsetDateTime.class)), rs.getString(2),
						rs.getString(3), rs.getInt(4), instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6)),
				leadgenId, leadgenId);
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
