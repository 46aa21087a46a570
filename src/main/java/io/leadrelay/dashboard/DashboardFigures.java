package io.leadrelay.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Everything the dashboard shows, read at one moment.
 *
 * @param at when the figures were read
 * @param anyLead whether any lead was ever received (if not, the dashboard says how to
 * start)
 * @param leads leads per day
 * @param success delivery success per destination over the same days
 * @param latency the webhook-to-CRM time of the last 24 hours' deliveries
 * @param backlog dead letters and what waits
 * @param pages pages that need a token
 * @param destinations destinations that need credentials
 */
public record DashboardFigures(Instant at, boolean anyLead, DailyLeads leads, List<DestinationSuccess> success,
		Latency latency, Backlog backlog, List<SetupProblems.PageProblem> pages,
		List<SetupProblems.DestinationProblem> destinations) {

	/** Whether something needs fixing: a page's token or a destination's credentials. */
	public boolean needsFixing() {
		return !this.pages.isEmpty() || !this.destinations.isEmpty();
	}

}
