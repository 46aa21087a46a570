package io.leadrelay.dashboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Leads received per day, one series per page or form (the busiest first, the rest as one
 * "other" series).
 *
 * @param days the days counted, oldest first, in {@link #zone}
 * @param zone the time zone the days are counted in, such as {@code UTC}
 * @param by what the series are split by
 * @param series the series, each with one count per day
 */
public record DailyLeads(List<LocalDate> days, String zone, SplitBy by, List<Series> series) {

	/** The leads of every series on the given day (an index into {@link #days}). */
	public long totalOn(int day) {
		return this.series.stream().mapToLong((one) -> one.counts()[day]).sum();
	}

	/** The leads of every series on every day. */
	public long total() {
		return this.series.stream().mapToLong(Series::total).sum();
	}

	/** The leads of the last day counted (today). */
	public long today() {
		return this.days.isEmpty() ? 0 : totalOn(this.days.size() - 1);
	}

	/** The most leads of one day, every series together. */
	public long busiestDay() {
		long most = 0;
		for (int day = 0; day < this.days.size(); day++) {
			most = Math.max(most, totalOn(day));
		}
		return most;
	}

	/**
	 * One page's or form's leads per day.
	 *
	 * @param id the page or form id ({@code null} for the other pages or forms together,
	 * or for leads whose form is unknown)
	 * @param name what the marketer calls it
	 * @param counts its leads on each day
	 */
	public record Series(String id, String name, long[] counts) {

		public long total() {
			return Arrays.stream(this.counts).sum();
		}

	}

}
