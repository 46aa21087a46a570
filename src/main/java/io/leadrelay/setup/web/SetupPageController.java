package io.leadrelay.setup.web;

import io.leadrelay.meta.MetaProperties;
import io.leadrelay.setup.SetupGuide;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first-run guide ({@code /setup}): the four steps from a new install to the first
 * lead in the CRM, each done or to do, and what to tell Meta.
 */
@Controller
class SetupPageController {

	private final SetupGuide guide;

	private final MetaProperties meta;

	SetupPageController(SetupGuide guide, MetaProperties meta) {
		this.guide = guide;
		this.meta = meta;
	}

	@GetMapping("/setup")
	String setup(Model model, HttpServletRequest request) {
		model.addAttribute("activeNav", "setup");
		model.addAttribute("progress", this.guide.progress());
		MetaWebhookModel.addTo(model, this.meta);
		return Fragments.view(request, "setup/guide");
	}

}
