package io.leadrelay.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads stored lead events, newest first.
 */
@Service
public class LeadEvents {

	private static final String COLUMNS = """
			SELECT leadgen_id, page_id, form_id, ad_id, adgroup_id, created_time, received_at, status, source
			FROM lead_event""";

	private final JdbcTemplate jdbc;

	LeadEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Slice find(LeadEventFilter filter, int pageNumber, int pageSize) {
		List<Object> arguments = new ArrayList<>();
		String where = where(filter, arguments);
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event" + where, Long.class,
				arguments.toArray());
		List<Object> pageArguments = new ArrayList<>(arguments);
		pageArguments.add(pageSize);
		pageArguments.add((long) pageNumber * pageSize);
		List<LeadEventView> items = this.jdbc.query(COLUMNS + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
				(rs, row) -> new LeadEventView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class)),
						instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), rs.getString(9)),
				pageArguments.toArray());
		return new Slice(items, pageNumber, pageSize, (total != null) ? total : 0);
	}

	/** How many lead events match, in a slice with no items. */
	public Slice count(LeadEventFilter filter, int pageSize) {
		List<Object> arguments = new ArrayList<>();
		String where = where(filter, arguments);
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event" + where, Long.class,
				arguments.toArray());
		return new Slice(List.of(), 0, pageSize, (total != null) ? total : 0);
	}

	private static String where(LeadEventFilter filter, List<Object> arguments) {
		StringBuilder where = new StringBuilder();
		condition(where, arguments, "leadgen_id", filter.leadgenId());
		condition(where, arguments, "page_id", filter.pageId());
		condition(where, arguments, "form_id", filter.formId());
		condition(where, arguments, "status", (filter.status() != null) ? filter.status().code() : null);
		return where.toString();
	}

	private static void condition(StringBuilder where, List<Object> arguments, String column, String value) {
		if (value == null) {
			return;
		}
		where.append(where.isEmpty() ? " WHERE " : " AND ").append(column).append(" = ?");
		arguments.add(value);
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * The matching lead events of one page of results.
	 *
	 * @param items the events of this page
	 * @param page the page number, from 0
	 * @param size the page size asked for
	 * @param totalItems how many events match in all
	 */
	public record Slice(List<LeadEventView> items, int page, int size, long totalItems) {

		public long totalPages() {
			return (this.totalItems + this.size - 1) / this.size;
		}

	}

}
