package io.leadrelay.delivery.fields.web;

import io.leadrelay.delivery.fields.FieldDiscovery;
import io.leadrelay.delivery.fields.FieldReadException;
import io.leadrelay.destination.DestinationNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CRM fields of a destination, a fragment the destination's page loads with htmx, and
 * reading them from the CRM again.
 */
@Controller
@RequestMapping("/destinations/{id}/fields")
class FieldsPageController {

	private static final String FRAGMENT = "destinations/fields :: fields";

	private final FieldDiscovery discovery;

	FieldsPageController(FieldDiscovery discovery) {
		this.discovery = discovery;
	}

	@GetMapping
	String fields(@PathVariable String id, Model model) {
		model.addAttribute("crm", this.discovery.view(id));
		model.addAttribute("typeWords", FieldTypeWords.WORDS);
		return FRAGMENT;
	}

	@PostMapping("/refresh")
	String refresh(@PathVariable String id, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		String done = null;
		String failed = null;
		try {
			if (this.discovery.takesAnyFieldName(id)) {
				return fields(id, model);
			}
			int read = this.discovery.refresh(id).size();
			done = (read == 1) ? "Read 1 field from the CRM." : "Read " + read + " fields from the CRM.";
		}
		catch (FieldReadException ex) {
			failed = ex.getMessage();
		}
		if (!"true".equals(request.getHeader("HX-Request"))) {
			redirect.addFlashAttribute((done != null) ? "flash" : "flashError", (done != null) ? done : failed);
			return "redirect:/destinations/" + id;
		}
		model.addAttribute("crm", this.discovery.view(id));
		model.addAttribute("typeWords", FieldTypeWords.WORDS);
		model.addAttribute("refreshed", done);
		model.addAttribute("refreshProblem", failed);
		return FRAGMENT;
	}

	@ExceptionHandler(DestinationNotFoundException.class)
	String notFound(DestinationNotFoundException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("missing", ex.getMessage());
		return "destinations/fields :: missing";
	}

}
