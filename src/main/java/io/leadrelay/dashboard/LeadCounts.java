package io.leadrelay.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts received leads per day and page or form. The days are given as a derived table
 * of instants (one row a day) joined on {@code received_at}, so that the database counts
 * index ranges of {@code ix_lead_event_received} instead of converting every row's time
 * to a day, which H2 and PostgreSQL would each spell differently.
 */
@Component
public class LeadCounts {

	/** Series shown on their own; the quieter pages or forms make one "other" series. */
	static final int NAMED_SERIES = 6;

	private final JdbcTemplate jdbc;

	public LeadCounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether any lead was ever received. */
	public boolean anyLead() {
		return !this.jdbc.queryForList("SELECT id FROM lead_event FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
	}

	/** The leads of the {@code count} days up to and including {@code lastDay}. */
	public DailyLeads perDay(LocalDate lastDay, int count, ZoneId zone, SplitBy by) {
		List<LocalDate> days = new ArrayList<>();
		for (int back = count - 1; back >= 0; back--) {
			days.add(lastDay.minusDays(back));
		}
		String column = (by == SplitBy.PAGE) ? "e.page_id" : "e.form_id";
		StringBuilder bounds = new StringBuilder();
		List<Object> parameters = new ArrayList<>();
		for (int day = 0; day < count; day++) {
			bounds.append((day > 0) ? " UNION ALL " : "")
				.append("SELECT ")
				.append(day)
				.append(" AS day_index, CAST(? AS TIMESTAMP WITH TIME ZONE) AS day_start,")
				.append(" CAST(? AS TIMESTAMP WITH TIME ZONE) AS day_end");
			parameters.add(startOf(days.get(day), zone));
			parameters.add(startOf(days.get(day).plusDays(1), zone));
		}
		Map<String, long[]> counts = new HashMap<>();
		this.jdbc.query("SELECT d.day_index, " + column + " AS key_id, COUNT(*) AS leads FROM (" + bounds
				+ ") d JOIN lead_event e ON e.received_at >= d.day_start AND e.received_at < d.day_end"
				// Test leads a person sent are not leads from Meta.
				+ " AND e.source <> 'test'" + " GROUP BY d.day_index, " + column, (row) -> {
					long[] series = counts.computeIfAbsent(row.getString("key_id"), (id) -> new long[count]);
					series[row.getInt("day_index")] += row.getLong("leads");
				}, parameters.toArray());
		return new DailyLeads(days, zone.getId(), by, series(counts, count, by));
	}

	private List<DailyLeads.Series> series(Map<String, long[]> counts, int count, SplitBy by) {
		List<Map.Entry<String, long[]>> busiestFirst = new ArrayList<>(counts.entrySet());
		busiestFirst.sort(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> -sum(entry.getValue()))
			.thenComparing((entry) -> String.valueOf(entry.getKey())));
		Map<String, long[]> named = new LinkedHashMap<>();
		long[] other = null;
		for (Map.Entry<String, long[]> entry : busiestFirst) {
			if (named.size() < NAMED_SERIES && entry.getKey() != null) {
				named.put(entry.getKey(), entry.getValue());
			}
			else {
				other = (other != null) ? other : new long[count];
				for (int day = 0; day < count; day++) {
					other[day] += entry.getValue()[day];
				}
			}
		}
		List<DailyLeads.Series> series = new ArrayList<>();
		named.forEach((id, days) -> series.add(new DailyLeads.Series(id, nameOf(id, by), days)));
		if (other != null) {
			series.add(new DailyLeads.Series(null, (by == SplitBy.PAGE) ? "Other pages" : "Other or unknown forms",
					other));
		}
		return series;
	}

	private String nameOf(String id, SplitBy by) {
		List<String> names = (by == SplitBy.PAGE)
				? this.jdbc.queryForList("SELECT name FROM page WHERE page_id = ?", String.class, id)
				// The newest lead of the form names it (ix_lead_event_form, then the
				// lead's key).
				: this.jdbc.queryForList("""
						SELECT l.form_name FROM lead_event e JOIN lead l ON l.leadgen_id = e.leadgen_id
						WHERE e.form_id = ? AND l.form_name IS NOT NULL ORDER BY e.id DESC FETCH FIRST 1 ROWS ONLY""",
						String.class, id);
		String prefix = (by == SplitBy.PAGE) ? "Page " : "Form ";
		return names.isEmpty() ? prefix + id : names.get(0);
	}

	private static long sum(long[] counts) {
		long sum = 0;
		for (long count : counts) {
			sum += count;
		}
		return sum;
	}

	private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
	}

}
