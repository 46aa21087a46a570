package io.leadrelay.setup.web;

import io.leadrelay.meta.MetaProperties;

import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the webhook fragment ({@code setup/webhook :: webhook}) shows, for the setup guide
 * and the settings page alike: the URL Meta must call and the verify token it must send.
 */
final class MetaWebhookModel {

	/**
	 * The setting that holds the verify token, as an environment variable and a property.
	 */
	static final String VERIFY_TOKEN_VARIABLE = "LEADRELAY_META_VERIFYTOKEN";

	static final String VERIFY_TOKEN_PROPERTY = "leadrelay.meta.verify-token";

	private MetaWebhookModel() {
	}

	static void addTo(Model model, MetaProperties meta) {
		model.addAttribute("webhookUrl", publicUrl("/webhooks/meta"));
		model.addAttribute("verifyToken", meta.verifyToken());
		model.addAttribute("verifyTokenVariable", VERIFY_TOKEN_VARIABLE);
		model.addAttribute("verifyTokenProperty", VERIFY_TOKEN_PROPERTY);
	}

	/** The address of {@code path} on this engine, as the browser reached it. */
	static String publicUrl(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

}
