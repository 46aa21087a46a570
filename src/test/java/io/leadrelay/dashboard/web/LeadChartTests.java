package io.leadrelay.dashboard.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import io.leadrelay.dashboard.DailyLeads;
import io.leadrelay.dashboard.SplitBy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart's geometry and the words durations are shown in. */
class LeadChartTests {

	@Test
	void roundsTheTopOfTheAxisUpToFourEvenSteps() {
		assertThat(List.of(0L, 1L, 4L, 5L, 9L, 19L, 21L, 75L, 1234L).stream().map(LeadChart::niceTop))
			.containsExactly(4L, 4L, 4L, 8L, 20L, 20L, 40L, 80L, 2000L);
	}

	@Test
	void stacksEachDaysSeriesIntoOneBar() {
		List<LocalDate> days = IntStream.range(0, 7)
			.mapToObj((day) -> LocalDate.parse("2026-11-28").plusDays(day))
			.toList();
		DailyLeads leads = new DailyLeads(days, "UTC", SplitBy.PAGE,
				List.of(new DailyLeads.Series("1", "Acme", new long[] { 0, 0, 0, 0, 0, 1, 2 }),
						new DailyLeads.Series(null, "Other pages", new long[] { 0, 0, 0, 0, 0, 1, 2 })));

		LeadChart chart = LeadChart.of(leads);

		assertThat(chart.segments()).hasSize(4);
		LeadChart.Segment bottom = chart.segments().get(2);
		LeadChart.Segment top = chart.segments().get(3);
		assertThat(top.y() + top.height()).isEqualTo(bottom.y());
		assertThat(bottom.y() + bottom.height()).isEqualTo(LeadChart.BOTTOM);
		assertThat(top.y()).isEqualTo(LeadChart.TOP);
		assertThat(top.label()).isEqualTo("Other pages, 4 Dec: 2 leads");
		assertThat(top.colour()).isEqualTo("#8a8a8a");
		assertThat(chart.yTicks()).extracting(LeadChart.Tick::label).containsExactly("0", "1", "2", "3", "4");
		assertThat(chart.xLabels()).extracting(LeadChart.Tick::label).hasSize(7).endsWith("4 Dec");
		assertThat(chart.legend()).extracting(LeadChart.Legend::total).containsExactly(3L, 3L);
	}

	@Test
	void saysHowLongInWords() {
		DurationWords words = new DurationWords();
		assertThat(words.of(Duration.ofMillis(850))).isEqualTo("850 ms");
		assertThat(words.of(Duration.ofMillis(4240))).isEqualTo("4.2 s");
		assertThat(words.of(Duration.ofSeconds(190))).isEqualTo("3 min 10 s");
		assertThat(words.of(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
		assertThat(words.of(Duration.ofHours(76))).isEqualTo("3 d 4 h");
		assertThat(words.of(null)).isEmpty();
	}

}
