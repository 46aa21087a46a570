package io.leadrelay.metadeletion.web;

import io.leadrelay.metadeletion.MetaDataDeletions;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public status page of a data-deletion request from Meta, the address Meta shows the
 * person: what was deleted and when, without personal data. Anyone may read it, signed in
 * or not; the code is the only key.
 */
@Controller
class DeletionStatusPageController {

	private final MetaDataDeletions deletions;

	DeletionStatusPageController(MetaDataDeletions deletions) {
		this.deletions = deletions;
	}

	@GetMapping("/privacy/deletions/{code}")
	String status(@PathVariable String code, Model model, HttpServletResponse response) {
		model.addAttribute("code", code);
		return this.deletions.find(code).map((deletion) -> {
			model.addAttribute("deletion", deletion);
			return "metadeletion/status";
		}).orElseGet(() -> {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "metadeletion/unknown";
		});
	}

}
