package io.leadrelay.mapping.web;

import java.security.Principal;
import java.util.List;

import io.leadrelay.mapping.InvalidMappingException;
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
 * A mapping's history tab: every version with who saved it and when, what changed between
 * any two, and a rollback to an old one.
 */
@Controller
@RequestMapping("/mappings/{id}")
class MappingHistoryPageController {

	private final Mappings mappings;

	MappingHistoryPageController(Mappings mappings) {
		this.mappings = mappings;
	}

	/** One version as listed. */
	public record Version(int version, boolean current, java.time.Instant savedAt, String savedBy) {
	}

	@GetMapping("/history")
	String history(@PathVariable String id, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, Model model, HttpServletRequest request) {
		describe(id, from, to, model);
		return Fragments.view(request, "mappings/history");
	}

	/** The diff alone for htmx; opened directly, the history page showing it. */
	@GetMapping("/history/diff")
	String diff(@PathVariable String id, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, Model model, HttpServletRequest request) {
		describe(id, from, to, model);
		boolean htmx = "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-Boosted"));
		return htmx ? "mappings/history :: diff" : "mappings/history";
	}

	@PostMapping("/rollback")
	String rollback(@PathVariable String id, @RequestParam int version, Principal user, RedirectAttributes redirect) {
		try {
			StoredMapping saved = this.mappings.rollback(id, version, user.getName());
			redirect.addFlashAttribute("flash",
					"Version " + version + " is in use again as version " + saved.version() + ".");
		}
		catch (InvalidMappingException ex) {
			redirect.addFlashAttribute("flashError", "Version " + version + " cannot be used again: "
					+ ex.getMessage().replaceFirst(" \\(at [^)]*\\)$", ""));
		}
		return "redirect:/mappings/" + id + "/history";
	}

	@ExceptionHandler(MappingNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private void describe(String id, Integer from, Integer to, Model model) {
		List<StoredMapping> versions = this.mappings.versions(id);
		StoredMapping current = versions.get(0);
		int newest = current.currentVersion();
		int right = (to != null) ? to : newest;
		int left = (from != null) ? from : Math.max(1, right - 1);
		model.addAttribute("activeNav", "mappings");
		model.addAttribute("mappingId", id);
		model.addAttribute("versions",
				versions.stream()
					.map((v) -> new Version(v.version(), v.current(), v.createdAt(),
							MappingListPageController.savedBy(v.createdBy())))
					.toList());
		model.addAttribute("from", left);
		model.addAttribute("to", right);
		if (versions.size() > 1 || from != null || to != null) {
			StoredMapping before = this.mappings.version(id, left);
			StoredMapping after = this.mappings.version(id, right);
			List<LineDiff.Line> lines = LineDiff.of(before.definition(), after.definition());
			model.addAttribute("diff", lines);
			model.addAttribute("changed", lines.stream().anyMatch((line) -> line.kind() != ' '));
		}
	}

}
