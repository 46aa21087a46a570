package io.leadrelay.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the dashboard's figures for a window of days. */
@Service
public class Dashboard {

	private final LeadCounts leads;

	private final DeliveryFigures deliveries;

	private final SetupProblems setup;

	private final DashboardProperties properties;

	private final Clock clock;

	public Dashboard(LeadCounts leads, DeliveryFigures deliveries, SetupProblems setup, DashboardProperties properties,
			Clock clock) {
		this.leads = leads;
		this.deliveries = deliveries;
		this.setup = setup;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The figures of the last {@code days} days (today included), split by page or form.
	 */
	@Transactional(readOnly = true)
	public DashboardFigures figures(int days, SplitBy by) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.properties.zone());
		DailyLeads perDay = this.leads.perDay(today, days, this.properties.zone(), by);
		Instant windowStart = today.minusDays(days - 1L).atStartOfDay(this.properties.zone()).toInstant();
		return new DashboardFigures(now, this.leads.anyLead(), perDay, this.deliveries.successSince(windowStart),
				this.deliveries.latencySince(now.minus(Duration.ofHours(24))), this.deliveries.backlog(),
				this.setup.pages(now), this.setup.destinations());
	}

}
