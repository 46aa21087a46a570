package io.leadrelay.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The leads list: filtered, searched and paged by keyset on {@code lead_event.id} (never
 * OFFSET, never an exact count over every lead), so that a slice costs the same with a
 * million leads stored as with a hundred.
 */
@Service
public class LeadSearch {

	/** Counting stops here: the list says "1,000+" beyond. */
	public static final int COUNT_LIMIT = 1000;

	private static final String COLUMNS = """
			SELECT e.id, e.leadgen_id, e.page_id, e.form_id, l.form_name, e.ad_id, e.adgroup_id, l.platform,
			    e.created_time, e.received_at, e.status, e.source, l.answers, COALESCE(l.test, FALSE)
			FROM lead_event e LEFT JOIN lead l ON l.leadgen_id = e.leadgen_id""";

	private static final RowMapper<LeadRow> ROW = (rs, row) -> new LeadRow(rs.getLong(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
			instant(rs.getObject(9, OffsetDateTime.class)), instant(rs.getObject(10, OffsetDateTime.class)),
			rs.getString(11), rs.getString(12), rs.getString(13), rs.getBoolean(14));

	private final JdbcTemplate jdbc;

	public LeadSearch(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One slice of the leads the query matches, newest first. */
	public LeadSlice find(LeadQuery query) {
		List<Object> arguments = new ArrayList<>();
		StringBuilder where = where(query, arguments);
		boolean newer = query.after() != null;
		if (newer) {
			and(where).append("e.id > ?");
			arguments.add(query.after());
		}
		else if (query.before() != null) {
			and(where).append("e.id < ?");
			arguments.add(query.before());
		}
		arguments.add(query.size() + 1);
		List<LeadRow> rows = new ArrayList<>(this.jdbc.query(
				COLUMNS + where + " ORDER BY e.id " + (newer ? "ASC" : "DESC") + " LIMIT ?", ROW, arguments.toArray()));
		boolean more = rows.size() > query.size();
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (newer) {
			Collections.reverse(rows);
		}
		boolean hasOlder = newer ? !rows.isEmpty() || more : more;
		boolean hasNewer = newer ? more : query.before() != null;
		Long older = (hasOlder && !rows.isEmpty()) ? rows.get(rows.size() - 1).cursor() : null;
		Long newerCursor = (hasNewer && !rows.isEmpty()) ? rows.get(0).cursor() : null;
		return new LeadSlice(rows, older, newerCursor);
	}

	/**
	 * How many leads the query's filters match (its slice ignored), counted up to
	 * {@link #COUNT_LIMIT} + 1.
	 */
	public int countUpToLimit(LeadQuery query) {
		List<Object> arguments = new ArrayList<>();
		StringBuilder where = where(query, arguments);
		arguments.add(COUNT_LIMIT + 1);
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM (SELECT e.id FROM lead_event e LEFT JOIN lead l ON l.leadgen_id = e.leadgen_id"
						+ where + " LIMIT ?) matching",
				Integer.class, arguments.toArray());
		return (count != null) ? count : 0;
	}

	private static StringBuilder where(LeadQuery query, List<Object> arguments) {
		StringBuilder where = new StringBuilder();
		equal(where, arguments, "e.leadgen_id", query.leadgenId());
		equal(where, arguments, "e.page_id", query.pageId());
		equal(where, arguments, "e.form_id", query.formId());
		equal(where, arguments, "e.status", (query.status() != null) ? query.status().code() : null);
		equal(where, arguments, "l.platform", query.platform());
		if (query.from() != null) {
			and(where).append("e.received_at >= ?");
			arguments.add(query.from().atOffset(ZoneOffset.UTC));
		}
		if (query.to() != null) {
			and(where).append("e.received_at < ?");
			arguments.add(query.to().atOffset(ZoneOffset.UTC));
		}
		for (LeadContacts.Term term : LeadContacts.search(query.search())) {
			// A range on (kind, term) the index serves in any collation, then LIKE for
			// what a linguistic collation lets into the range.
			and(where).append("""
					e.leadgen_id IN (SELECT c.leadgen_id FROM lead_contact c
					    WHERE c.kind = ? AND c.term >= ? AND c.term < ? AND c.term LIKE ? ESCAPE '!')""");
			arguments.add(term.kind().code());
			arguments.add(term.term());
			arguments.add(upperBound(term.term()));
			arguments.add(term.term().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		}
		return where;
	}

	/** The least string above every string that starts with the prefix. */
	static String upperBound(String prefix) {
		if (prefix.isEmpty()) {
			return "\uffff";
		}
		char last = prefix.charAt(prefix.length() - 1);
		return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
	}

	private static void equal(StringBuilder where, List<Object> arguments, String column, String value) {
		if (value != null) {
			and(where).append(column).append(" = ?");
			arguments.add(value);
		}
	}

	private static StringBuilder and(StringBuilder where) {
		return where.append(where.isEmpty() ? " WHERE " : " AND ");
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * One slice of the list.
	 *
	 * @param items its leads, newest first
	 * @param olderCursor the cursor of the next, older, slice; {@code null} at the end
	 * @param newerCursor the cursor of the previous, newer, slice; {@code null} at the
	 * top
	 */
	public record LeadSlice(List<LeadRow> items, Long olderCursor, Long newerCursor) {

	}

}
