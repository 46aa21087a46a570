package io.leadrelay.privacy.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadrelay.privacy.ErasureRefusedException;
import io.leadrelay.privacy.ErasureResult;
import io.leadrelay.privacy.FoundLead;
import io.leadrelay.privacy.PersonKey;
import io.leadrelay.privacy.PersonKeys;
import io.leadrelay.privacy.Privacy;
import io.leadrelay.web.Fragments;
import io.leadrelay.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The privacy pages (admins only): find one person's leads, download what is stored about
 * them, and erase them after a confirmation that says what will happen.
 */
@Controller
@RequestMapping("/privacy")
class PrivacyPageController {

	private final PersonKeys keys;

	private final Privacy privacy;

	PrivacyPageController(PersonKeys keys, Privacy privacy) {
		this.keys = keys;
		this.privacy = privacy;
	}

	@ModelAttribute
	void navigation(Model model) {
		model.addAttribute("activeNav", "privacy");
	}

	@GetMapping
	String search(@ModelAttribute("person") PersonForm form, Model model, HttpServletRequest request) {
		if (form.isEmpty()) {
			return Fragments.view(request, "privacy/index");
		}
		Optional<PersonKey> key = parse(form, model);
		key.ifPresent((found) -> {
			List<FoundLead> leads = this.privacy.find(found);
			model.addAttribute("leads", leads);
			model.addAttribute("keyWords", found.kind().words());
			model.addAttribute("suppressed", this.privacy.suppressed(found));
			model.addAttribute("query", form.query());
		});
		return Fragments.view(request, "privacy/index");
	}

	@GetMapping("/erase")
	String confirm(@ModelAttribute("person") PersonForm form, Model model, HttpServletRequest request) {
		Optional<PersonKey> key = parse(form, model);
		if (key.isEmpty()) {
			return Fragments.view(request, "privacy/index");
		}
		model.addAttribute("leads", this.privacy.find(key.get()));
		model.addAttribute("keyWords", key.get().kind().words());
		model.addAttribute("query", form.query());
		return Fragments.view(request, "privacy/confirm");
	}

	@PostMapping("/erasures")
	String erase(@ModelAttribute("person") PersonForm form, @RequestParam(defaultValue = "false") boolean deleteInCrms,
			Model model, Principal user, RedirectAttributes redirect, HttpServletRequest request) {
		Optional<PersonKey> key = parse(form, model);
		if (key.isEmpty()) {
			return Fragments.view(request, "privacy/index");
		}
		ErasureResult result;
		try {
			result = this.privacy.erase(key.get(), deleteInCrms, user.getName());
		}
		catch (ErasureRefusedException ex) {
			model.addAttribute("erasureError", ex.getMessage());
			return confirm(form, model, request);
		}
		redirect.addFlashAttribute("result", result);
		redirect.addFlashAttribute("summary", ErasureMessages.summary(result));
		redirect.addFlashAttribute("askedCrms", deleteInCrms);
		return "redirect:/privacy/erasures/done";
	}

	@GetMapping("/erasures/done")
	String done(Model model, HttpServletRequest request) {
		if (!model.containsAttribute("result")) {
			return "redirect:/privacy";
		}
		return Fragments.view(request, "privacy/erased");
	}

	/**
	 * The download; without exactly one valid key, the search page again with the error
	 * beside its field (a 400).
	 */
	@GetMapping("/export")
	Object export(@ModelAttribute("person") PersonForm form, Model model, HttpServletRequest request) {
		Optional<PersonKey> parsed = parse(form, model);
		if (parsed.isEmpty()) {
			return new ModelAndView(Fragments.view(request, "privacy/index"), HttpStatus.BAD_REQUEST);
		}
		PersonKey key = parsed.get();
		return this.privacy.export(key)
			.<ResponseEntity<?>>map((document) -> PrivacyController.download(key, document))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private Optional<PersonKey> parse(PersonForm form, Model model) {
		try {
			return Optional.of(this.keys.parse(form.getEmail(), form.getPhone(), form.getLeadgenId()));
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("fieldErrors", Map.of(ex.field(), ex.getMessage()));
			return Optional.empty();
		}
	}

}
