package io.leadrelay.mapping.web;

import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

import io.leadrelay.destination.Destinations;
import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.MappingNotFoundException;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.mapping.StoredMapping;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
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
 * A mapping's YAML tab: the stored text, comments and all, checked as it is typed and
 * saved as a new version.
 */
@Controller
@RequestMapping("/mappings/{id}/yaml")
class MappingYamlPageController {

	private final Mappings mappings;

	private final Destinations destinations;

	MappingYamlPageController(Mappings mappings, Destinations destinations) {
		this.mappings = mappings;
		this.destinations = destinations;
	}

	@GetMapping
	String yaml(@PathVariable String id, Model model, HttpServletRequest request) {
		StoredMapping current = this.mappings.current(id);
		describe(current, current.definition(), null, model);
		return Fragments.view(request, "mappings/yaml");
	}

	/** The problems fragment for the text as typed so far. */
	@PostMapping("/check")
	String check(@PathVariable String id, @RequestParam(defaultValue = "") String yaml, Model model) {
		this.mappings.current(id);
		model.addAttribute("problem", problem(id, yaml));
		model.addAttribute("checked", true);
		return "mappings/yaml :: problems";
	}

	@PostMapping
	String save(@PathVariable String id, @RequestParam(defaultValue = "") String yaml, Principal user, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		StoredMapping current = this.mappings.current(id);
		if (yaml.equals(current.definition())) {
			redirect.addFlashAttribute("flash", "Nothing changed: version " + current.version() + " is still in use.");
			return "redirect:/mappings/" + id + "/yaml";
		}
		YamlProblem problem = problem(id, yaml);
		if (problem == null) {
			try {
				StoredMapping saved = this.mappings.update(id, yaml, user.getName());
				redirect.addFlashAttribute("flash", "Saved as version " + saved.version() + ".");
				return "redirect:/mappings/" + id + "/yaml";
			}
			catch (InvalidMappingException ex) {
				problem = YamlProblem.of(ex);
			}
		}
		describe(current, yaml, problem, model);
		return Fragments.view(request, "mappings/yaml");
	}

	/** The line of a top-level key, from 1; 0 when it is not found. */
	static int lineOf(String yaml, String key) {
		List<String> lines = yaml.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).matches(Pattern.quote(key) + "\\s*:.*")) {
				return i + 1;
			}
		}
		return 0;
	}

	@ExceptionHandler(MappingNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private void describe(StoredMapping current, String yaml, YamlProblem problem, Model model) {
		model.addAttribute("activeNav", "mappings");
		model.addAttribute("mappingId", current.id());
		model.addAttribute("current", current);
		model.addAttribute("savedBy", MappingListPageController.savedBy(current.createdBy()));
		model.addAttribute("yaml", yaml);
		model.addAttribute("problem", problem);
		model.addAttribute("checked", problem != null);
	}

	/** What stops this text from being saved as mapping {@code id}, or {@code null}. */
	private YamlProblem problem(String id, String yaml) {
		try {
			Mapping mapping = this.mappings.parse(yaml);
			if (!mapping.id().equals(id)) {
				return new YamlProblem(lineOf(yaml, "id"), "id",
						"the id must stay '" + id + "'; to make another mapping, create a new one");
			}
			if (!this.destinations.exists(mapping.destination())) {
				return new YamlProblem(lineOf(yaml, "destination"), "destination",
						"there is no destination '" + mapping.destination() + "'; add it under Destinations first");
			}
			return null;
		}
		catch (InvalidMappingException ex) {
			return YamlProblem.of(ex);
		}
	}

}
