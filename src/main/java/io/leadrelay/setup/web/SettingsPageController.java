package io.leadrelay.setup.web;

import io.leadrelay.graph.GraphProperties;
import io.leadrelay.meta.MetaProperties;
import io.leadrelay.retention.RetentionOverview;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The settings page ({@code /settings}, admins only): how this engine is connected to
 * Meta and how long it keeps data, read from its configuration. Nothing here is changed
 * in the browser; the page names the setting to change instead.
 */
@Controller
class SettingsPageController {

	/** Where Facebook sends people back after they allowed LeadRelay their pages. */
	static final String CONNECT_CALLBACK = "/pages/connect/callback";

	private final MetaProperties meta;

	private final GraphProperties graph;

	private final RetentionOverview retention;

	SettingsPageController(MetaProperties meta, GraphProperties graph, RetentionOverview retention) {
		this.meta = meta;
		this.graph = graph;
		this.retention = retention;
	}

	@GetMapping("/settings")
	String settings(Model model, HttpServletRequest request) {
		model.addAttribute("activeNav", "settings");
		MetaWebhookModel.addTo(model, this.meta);
		model.addAttribute("appSecrets", this.meta.appSecrets().size());
		model.addAttribute("graphVersion", this.graph.version());
		model.addAttribute("graphBaseUrl", this.graph.baseUrl().toString());
		model.addAttribute("appId", this.graph.appId());
		model.addAttribute("facebookLogin", this.graph.appId() != null && !this.meta.appSecrets().isEmpty());
		model.addAttribute("redirectUri", MetaWebhookModel.publicUrl(CONNECT_CALLBACK));
		model.addAttribute("retentionWindows", this.retention.windows());
		model.addAttribute("retentionInterval", this.retention.interval());
		model.addAttribute("lastPurge", this.retention.lastRun().orElse(null));
		return Fragments.view(request, "settings/index");
	}

}
