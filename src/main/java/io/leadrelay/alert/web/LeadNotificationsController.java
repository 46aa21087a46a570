package io.leadrelay.alert.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.alert.AlertChannels;
import io.leadrelay.alert.ChannelNotFoundException;
import io.leadrelay.alert.InvalidChannelException;
import io.leadrelay.alert.LeadNotifications;
import io.leadrelay.form.LeadForm;
import io.leadrelay.form.LeadForms;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * New-lead notifications on Settings &gt; Alerts: added (a channel, a form or all forms,
 * the answers to carry), enabled or disabled, deleted.
 */
@Controller
@RequestMapping("/settings/alerts/notifications")
class LeadNotificationsController {

	private final LeadNotifications notifications;

	private final AlertChannels channels;

	private final LeadForms forms;

	LeadNotificationsController(LeadNotifications notifications, AlertChannels channels, LeadForms forms) {
		this.notifications = notifications;
		this.channels = channels;
		this.forms = forms;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("activeNav", "settings");
		model.addAttribute("channels", this.channels.list());
		List<LeadForm> all = this.forms.all();
		model.addAttribute("forms", all);
		model.addAttribute("answerKeys",
				all.stream()
					.flatMap((form) -> form.questions().stream())
					.map(LeadForm.Question::key)
					.distinct()
					.toList());
	}

	@GetMapping("/new")
	String newNotification(@ModelAttribute("form") NotificationForm form, HttpServletRequest request) {
		return Fragments.view(request, "settings/lead-notification-new");
	}

	@PostMapping
	String add(@ModelAttribute("form") NotificationForm form, BindingResult errors, Principal actor,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			if (form.getChannelId() == null) {
				throw new InvalidChannelException("channelId", "choose the channel the notifications go to");
			}
			this.notifications.add(form.getChannelId(), form.getFormId(), form.getFields(), actor.getName());
			redirect.addFlashAttribute("flash", "Each new lead is now announced with the answers you picked.");
			return "redirect:/settings/alerts";
		}
		catch (InvalidChannelException ex) {
			errors.rejectValue(ex.field(), "invalid", ex.getMessage());
		}
		catch (ChannelNotFoundException ex) {
			errors.rejectValue("channelId", "invalid", "choose one of the channels");
		}
		return Fragments.view(request, "settings/lead-notification-new");
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal actor,
			RedirectAttributes redirect) {
		try {
			this.notifications.setEnabled(id, enabled, actor.getName());
		}
		catch (InvalidChannelException ex) {
			return gone(redirect);
		}
		redirect.addFlashAttribute("flash", enabled ? "New leads are announced again."
				: "New leads are no longer " + "announced there until you enable it.");
		return "redirect:/settings/alerts";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Principal actor, RedirectAttributes redirect) {
		try {
			this.notifications.delete(id, actor.getName());
		}
		catch (InvalidChannelException ex) {
			return gone(redirect);
		}
		redirect.addFlashAttribute("flash", "Deleted the new-lead notification.");
		return "redirect:/settings/alerts";
	}

	/** A notification deleted meanwhile (a second click, another tab): nothing to do. */
	private static String gone(RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", "That new-lead notification no longer exists; nothing was changed.");
		return "redirect:/settings/alerts";
	}

	/** Form names by id, for the alerts page. */
	static Map<String, String> formNames(List<LeadForm> forms) {
		Map<String, String> names = new LinkedHashMap<>();
		forms.forEach((form) -> names.put(form.formId(), form.name()));
		return names;
	}

}
