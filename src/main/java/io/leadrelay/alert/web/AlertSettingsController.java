package io.leadrelay.alert.web;

import java.security.Principal;

import io.leadrelay.alert.AlertChannels;
import io.leadrelay.alert.ChannelNotFoundException;
import io.leadrelay.alert.ChannelView;
import io.leadrelay.alert.Incidents;
import io.leadrelay.alert.InvalidChannelException;
import io.leadrelay.alert.LeadNotifications;
import io.leadrelay.alert.SendResult;
import io.leadrelay.form.LeadForms;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings &gt; Alerts ({@code /settings/alerts}, admins only): the channels alerts go to
 * (added, enabled or disabled, deleted, and tested with a test alert whose outcome shows
 * beside the channel), and what is wrong now.
 */
@Controller
@RequestMapping("/settings/alerts")
class AlertSettingsController {

	private final AlertChannels channels;

	private final Incidents incidents;

	private final LeadNotifications notifications;

	private final LeadForms forms;

	AlertSettingsController(AlertChannels channels, Incidents incidents, LeadNotifications notifications,
			LeadForms forms) {
		this.channels = channels;
		this.incidents = incidents;
		this.notifications = notifications;
		this.forms = forms;
	}

	@ModelAttribute
	void navigation(Model model) {
		model.addAttribute("activeNav", "settings");
	}

	@GetMapping
	String alerts(Model model, HttpServletRequest request) {
		model.addAttribute("channels", this.channels.list());
		model.addAttribute("incidents", this.incidents.open());
		model.addAttribute("notifications", this.notifications.list());
		model.addAttribute("formNames", LeadNotificationsController.formNames(this.forms.all()));
		return Fragments.view(request, "settings/alerts");
	}

	@GetMapping("/new")
	String newChannel(@ModelAttribute("form") ChannelForm form, HttpServletRequest request) {
		return Fragments.view(request, "settings/alert-channel-new");
	}

	@PostMapping("/channels")
	String add(@ModelAttribute("form") ChannelForm form, BindingResult errors, Principal actor,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			ChannelView channel = "webhook".equals(form.getKind())
					? this.channels.addWebhook(form.getName(), form.webhookUrl(), actor.getName())
					: this.channels.addEmail(form.getName(), form.getRecipients(), actor.getName());
			redirect.addFlashAttribute("flash",
					"Added " + channel.name() + ". Send it a test alert to check that it reaches you.");
			return "redirect:/settings/alerts";
		}
		catch (InvalidChannelException ex) {
			errors.rejectValue(ex.field(), "invalid", ex.getMessage());
		}
		return Fragments.view(request, "settings/alert-channel-new");
	}

	@PostMapping("/channels/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal actor,
			RedirectAttributes redirect) {
		ChannelView channel = this.channels.setEnabled(id, enabled, actor.getName());
		redirect.addFlashAttribute("flash",
				channel.name() + (enabled ? " gets alerts again." : " gets no alerts until you enable it."));
		return "redirect:/settings/alerts";
	}

	@PostMapping("/channels/{id}/delete")
	String delete(@PathVariable long id, Principal actor, RedirectAttributes redirect) {
		String name = this.channels.get(id).name();
		this.channels.delete(id, actor.getName());
		redirect.addFlashAttribute("flash", "Deleted " + name + ".");
		return "redirect:/settings/alerts";
	}

	@PostMapping("/channels/{id}/test")
	String test(@PathVariable long id, Principal actor, Model model, RedirectAttributes redirect,
			HttpServletRequest request) {
		SendResult result = this.channels.test(id, actor.getName());
		if ("true".equals(request.getHeader("HX-Request"))) {
			model.addAttribute("result", result);
			model.addAttribute("channelId", id);
			return "settings/alert-test-result :: result";
		}
		redirect.addFlashAttribute(result.sent() ? "flash" : "flashError", result.message());
		return "redirect:/settings/alerts";
	}

	@ExceptionHandler(ChannelNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
