package io.leadrelay.dashboard.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leadrelay.dashboard.DailyLeads;

/**
 * The geometry of the leads-per-day chart, drawn as SVG by {@code dashboard/widgets}: one
 * stacked bar a day, one colour a page or form, a y axis in leads with round ticks.
 *
 * @param segments the bars' parts, one per series and day with leads
 * @param yTicks the y axis's ticks
 * @param xLabels the days named under the bars
 * @param legend the series' colours and names
 */
public record LeadChart(List<Segment> segments, List<Tick> yTicks, List<Tick> xLabels, List<Legend> legend) {

	static final int WIDTH = 720;

	static final int HEIGHT = 260;

	static final int LEFT = 64;

	static final int RIGHT = WIDTH - 12;

	static final int TOP = 12;

	static final int BOTTOM = HEIGHT - 48;

	// Okabe and Ito's palette, told apart by people with colour blindness; grey for
	// "other".
	private static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
			"#D55E00");

	private static final String OTHER = "#8a8a8a";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	static LeadChart of(DailyLeads leads) {
		int days = leads.days().size();
		long top = niceTop(leads.busiestDay());
		double slot = (RIGHT - LEFT) / (double) days;
		double barWidth = slot * 0.7;
		List<Segment> segments = new ArrayList<>();
		List<Legend> legend = new ArrayList<>();
		for (int index = 0; index < leads.series().size(); index++) {
			DailyLeads.Series series = leads.series().get(index);
			legend.add(new Legend(colour(series, index), series.name(), series.total()));
		}
		for (int day = 0; day < days; day++) {
			double stacked = 0;
			for (int index = 0; index < leads.series().size(); index++) {
				DailyLeads.Series series = leads.series().get(index);
				long count = series.counts()[day];
				if (count == 0) {
					continue;
				}
				double height = count * (BOTTOM - TOP) / (double) top;
				segments.add(new Segment(round(LEFT + day * slot + (slot - barWidth) / 2),
						round(BOTTOM - stacked - height), round(barWidth), round(height), colour(series, index),
						series.name() + ", " + DAY.format(leads.days().get(day)) + ": " + count
								+ ((count == 1) ? " lead" : " leads")));
				stacked += height;
			}
		}
		List<Tick> yTicks = new ArrayList<>();
		long step = top / 4;
		for (long value = 0; value <= top; value += step) {
			yTicks.add(new Tick(round(BOTTOM - value * (BOTTOM - TOP) / (double) top), String.valueOf(value), false));
		}
		List<Tick> xLabels = new ArrayList<>();
		// Every day of a week, every fifth of a month; on a phone only every other of
		// those.
		int every = (days <= 10) ? 1 : 5;
		for (int day = days - 1, nth = 0; day >= 0; day -= every, nth++) {
			xLabels.add(0,
					new Tick(round(LEFT + day * slot + slot / 2), DAY.format(leads.days().get(day)), nth % 2 == 1));
		}
		return new LeadChart(segments, yTicks, xLabels, legend);
	}

	/**
	 * The smallest multiple of 4 of 1, 2 or 5 times a power of ten at or above the count.
	 */
	static long niceTop(long busiest) {
		for (long magnitude = 1;; magnitude *= 10) {
			for (long factor : new long[] { 1, 2, 5 }) {
				long top = 4 * factor * magnitude;
				if (top >= busiest) {
					return top;
				}
			}
		}
	}

	private static String colour(DailyLeads.Series series, int index) {
		return (series.id() == null || index >= COLOURS.size()) ? OTHER : COLOURS.get(index);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return RIGHT;
	}

	public int top() {
		return TOP;
	}

	public int bottom() {
		return BOTTOM;
	}

	public record Segment(double x, double y, double width, double height, String colour, String label) {

	}

	/**
	 * A labelled place on an axis.
	 *
	 * @param at where, in the chart's units
	 * @param label what it says
	 * @param minor whether a phone leaves it out, for lack of room
	 */
	public record Tick(double at, String label, boolean minor) {

	}

	public record Legend(String colour, String name, long total) {

	}

}
