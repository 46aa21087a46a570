package io.leadrelay.mapping.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.leadrelay.destination.Destinations;
import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDrafts;
import io.leadrelay.mapping.MappingNotFoundException;
import io.leadrelay.mapping.MappingSummary;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The mappings page: every mapping with its destination, forms, state and last save.
 */
@Controller
@RequestMapping("/mappings")
class MappingListPageController {

	private final Mappings mappings;

	private final MappingDrafts drafts;

	private final Destinations destinations;

	MappingListPageController(Mappings mappings, MappingDrafts drafts, Destinations destinations) {
		this.mappings = mappings;
		this.drafts = drafts;
		this.destinations = destinations;
	}

	/**
	 * One row of the list.
	 *
	 * @param name the mapping's name, or its id when it has none
	 * @param forms the form ids it takes (empty: every form)
	 */
	public record Row(String id, String name, String destination, String destinationName, List<String> forms,
			boolean enabled, int version, Instant savedAt, String savedBy) {
	}

	@GetMapping
	String list(Model model, HttpServletRequest request) {
		Map<String, String> names = this.destinations.names();
		List<Row> rows = this.mappings.list().stream().map((summary) -> row(summary, names)).toList();
		model.addAttribute("activeNav", "mappings");
		model.addAttribute("mappings", rows);
		return Fragments.view(request, "mappings/list");
	}

	@GetMapping("/{id}")
	String mapping(@PathVariable String id) {
		this.mappings.current(id);
		return "redirect:/mappings/" + id + "/edit";
	}

	@ExceptionHandler(MappingNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private Row row(MappingSummary summary, Map<String, String> names) {
		String name = summary.id();
		List<String> forms = List.of();
		try {
			MappingDraft draft = this.drafts.read(this.mappings.current(summary.id()).definition());
			name = (draft.name() != null) ? draft.name() : summary.id();
			forms = draft.forms();
		}
		catch (InvalidMappingException | MappingNotFoundException ex) {
			// listed by its id alone
		}
		return new Row(summary.id(), name, summary.destination(), names.get(summary.destination()), forms,
				summary.enabled(), summary.currentVersion(), summary.updatedAt(), savedBy(summary.updatedBy()));
	}

	/** Who saved a version, in words: a user's name, or the mapping file it came from. */
	static String savedBy(String actor) {
		return actor.startsWith("file:") ? "the file " + actor.substring("file:".length()) : actor;
	}

}
