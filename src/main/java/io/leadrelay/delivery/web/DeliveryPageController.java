package io.leadrelay.delivery.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.Deliveries;
import io.leadrelay.delivery.DeliveryChangeRefusedException;
import io.leadrelay.delivery.DeliveryEdits;
import io.leadrelay.delivery.DeliveryNotFoundException;
import io.leadrelay.delivery.DeliveryNotReplayableException;
import io.leadrelay.delivery.DeliveryView;
import io.leadrelay.delivery.PayloadEdit;
import io.leadrelay.delivery.ReplayRefusedException;
import io.leadrelay.delivery.Replays;
import io.leadrelay.destination.DestinationNotFoundException;
import io.leadrelay.destination.Destinations;
import io.leadrelay.security.PersonalData;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One delivery's page: where it goes, its payload (hidden from viewers), every attempt
 * and every edit; and for admins and marketers, replay, resend as it is, discard with a
 * reason, and edit the payload and resend it.
 */
@Controller
@RequestMapping("/deliveries/{id}")
class DeliveryPageController {

	private final Deliveries deliveries;

	private final DeliveryEdits edits;

	private final Replays replays;

	private final Destinations destinations;

	private final ObjectMapper json;

	DeliveryPageController(Deliveries deliveries, DeliveryEdits edits, Replays replays, Destinations destinations,
			ObjectMapper json) {
		this.deliveries = deliveries;
		this.edits = edits;
		this.replays = replays;
		this.destinations = destinations;
		this.json = json;
	}

	@GetMapping
	String detail(@PathVariable long id, Authentication caller, Model model, HttpServletRequest request) {
		describe(id, caller, model);
		return Fragments.view(request, "deliveries/detail");
	}

	@PostMapping("/replay")
	String replay(@PathVariable long id, @RequestParam(defaultValue = "remap") String how, Principal user,
			RedirectAttributes redirect) {
		boolean asIs = "as-is".equals(how);
		try {
			this.replays.replay(id, asIs, user.getName());
			redirect.addFlashAttribute("flash", asIs ? "Queued again with the same payload."
					: "Re-mapped with the current mapping and queued again.");
		}
		catch (ReplayRefusedException | DeliveryNotReplayableException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/deliveries/" + id;
	}

	@PostMapping("/discard")
	String discard(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication caller,
			Model model, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			this.edits.discard(id, reason, caller.getName());
			redirect.addFlashAttribute("flash", "Discarded. It is kept here and will not be sent.");
			return "redirect:/deliveries/" + id;
		}
		catch (DeliveryChangeRefusedException ex) {
			describe(id, caller, model);
			model.addAttribute("discardError", ex.getMessage());
			model.addAttribute("discardReason", reason);
			return Fragments.view(request, "deliveries/detail");
		}
	}

	@GetMapping("/edit")
	String editForm(@PathVariable long id, Authentication caller, Model model, HttpServletRequest request)
			throws JsonProcessingException {
		DeliveryView delivery = editable(id, caller);
		model.addAttribute("delivery", delivery);
		model.addAttribute("payloadText", pretty(this.deliveries.payload(id)));
		model.addAttribute("reason", "");
		return Fragments.view(request, "deliveries/edit");
	}

	@PostMapping("/edit")
	String edit(@PathVariable long id, @RequestParam(defaultValue = "") String payload,
			@RequestParam(defaultValue = "") String reason, Authentication caller, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		DeliveryView delivery = editable(id, caller);
		String field;
		String message;
		try {
			this.edits.editPayload(id, parse(payload), reason, true, caller.getName());
			redirect.addFlashAttribute("flash", "Saved your edit and queued the delivery again.");
			return "redirect:/deliveries/" + id;
		}
		catch (InvalidJson ex) {
			field = "payload";
			message = ex.getMessage();
		}
		catch (DeliveryChangeRefusedException ex) {
			field = ex.field();
			message = ex.getMessage();
		}
		model.addAttribute("delivery", delivery);
		model.addAttribute("payloadText", payload);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", Map.of(field, message));
		return Fragments.view(request, "deliveries/edit");
	}

	@ExceptionHandler(DeliveryNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private void describe(long id, Authentication caller, Model model) {
		DeliveryView delivery = this.deliveries.get(id);
		model.addAttribute("activeNav", "deliveries");
		model.addAttribute("delivery", delivery);
		model.addAttribute("destinationName", destinationName(delivery.destinationId()));
		model.addAttribute("payloadText", forCaller(caller, this.deliveries.payload(id)));
		model.addAttribute("attempts", this.deliveries.attempts(id));
		List<ShownEdit> shown = new ArrayList<>();
		for (PayloadEdit edit : this.edits.edits(id)) {
			shown.add(new ShownEdit(edit, forCaller(caller, edit.previousPayload()),
					forCaller(caller, edit.newPayload())));
		}
		model.addAttribute("edits", shown);
		model.addAttribute("masked", !PersonalData.visibleTo(caller));
	}

	/**
	 * The delivery, if the caller may edit it (editors only: the form shows the payload).
	 */
	private DeliveryView editable(long id, Authentication caller) {
		if (!PersonalData.visibleTo(caller)) {
			throw new AccessDeniedException("Only admins and marketers may edit a delivery");
		}
		return this.deliveries.get(id);
	}

	private String destinationName(String destinationId) {
		try {
			return this.destinations.get(destinationId).name();
		}
		catch (DestinationNotFoundException ex) {
			return null;
		}
	}

	private String forCaller(Authentication caller, String payload) {
		try {
			JsonNode tree = PersonalData.forCaller(caller, this.json.readTree(payload));
			return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
		}
		catch (JsonProcessingException ex) {
			return PersonalData.visibleTo(caller) ? payload : PersonalData.HIDDEN;
		}
	}

	private String pretty(String payload) throws JsonProcessingException {
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.json.readTree(payload));
	}

	private JsonNode parse(String payload) {
		try {
			JsonNode tree = this.json.readTree(payload);
			if (tree == null || tree.isMissingNode()) {
				throw new InvalidJson(
						"The payload is empty: write a JSON object, such as {\"email\": \"ana@example.com\"}");
			}
			return tree;
		}
		catch (JsonProcessingException ex) {
			throw new InvalidJson("This is not valid JSON: check the quotes, commas and braces near line "
					+ ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr());
		}
	}

	/**
	 * An edit as the page shows it.
	 *
	 * @param edit the edit
	 * @param before the payload before, as the viewer may read it
	 * @param after the payload after, as the viewer may read it
	 */
	record ShownEdit(PayloadEdit edit, String before, String after) {
	}

	private static final class InvalidJson extends RuntimeException {

		InvalidJson(String message) {
			super(message);
		}

	}

}
