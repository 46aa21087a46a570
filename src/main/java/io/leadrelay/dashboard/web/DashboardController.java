package io.leadrelay.dashboard.web;

import java.time.Duration;

import io.leadrelay.alert.Incidents;
import io.leadrelay.dashboard.Dashboard;
import io.leadrelay.dashboard.DashboardFigures;
import io.leadrelay.dashboard.DashboardProperties;
import io.leadrelay.dashboard.SplitBy;
import io.leadrelay.setup.SetupGuide;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The dashboard: the home page ({@code /}) and its widgets alone
 * ({@code /dashboard/widgets}), which the page asks for again every few seconds.
 * {@code days} (7 or 30) and {@code by} (page or form) choose the chart; anything else
 * shows the default, 7 days by page.
 */
@Controller
class DashboardController {

	private final Dashboard dashboard;

	private final DashboardProperties properties;

	private final SetupGuide setup;

	private final Incidents incidents;

	DashboardController(Dashboard dashboard, DashboardProperties properties, SetupGuide setup, Incidents incidents) {
		this.dashboard = dashboard;
		this.properties = properties;
		this.setup = setup;
		this.incidents = incidents;
	}

	@GetMapping("/")
	String dashboard(@RequestParam(required = false) String days, @RequestParam(required = false) String by,
			Model model, HttpServletRequest request) {
		model.addAttribute("activeNav", "dashboard");
		model.addAttribute("setup", this.setup.progress());
		prepare(days, by, model);
		return Fragments.view(request, "dashboard/index");
	}

	@GetMapping("/dashboard/widgets")
	String widgets(@RequestParam(required = false) String days, @RequestParam(required = false) String by,
			Model model) {
		prepare(days, by, model);
		return "dashboard/widgets :: widgets";
	}

	private void prepare(String daysParameter, String byParameter, Model model) {
		int days = "30".equals(daysParameter) ? 30 : 7;
		SplitBy by = SplitBy.fromCode(String.valueOf(byParameter)).orElse(SplitBy.PAGE);
		DashboardFigures figures = this.dashboard.figures(days, by);
		model.addAttribute("days", days);
		model.addAttribute("by", by.code());
		model.addAttribute("figures", figures);
		model.addAttribute("incidents", this.incidents.open());
		model.addAttribute("chart", LeadChart.of(figures.leads()));
		model.addAttribute("oldestWaiting", (figures.backlog().oldestWaitingSince() != null)
				? Duration.between(figures.backlog().oldestWaitingSince(), figures.at()) : null);
		model.addAttribute("refreshSeconds", this.properties.refresh().toSeconds());
		model.addAttribute("webhookUrl",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/webhooks/meta").toUriString());
	}

}
