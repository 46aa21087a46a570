package io.leadrelay.form.web;

import io.leadrelay.form.FormRefresh;
import io.leadrelay.form.FormRefreshException;
import io.leadrelay.page.PageNotFoundException;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's lead forms with their questions, as last read from Meta, and reading them
 * again.
 */
@Controller
class FormsPageController {

	private static final String TABLE = "forms/page :: forms";

	private final FormRefresh refresh;

	FormsPageController(FormRefresh refresh) {
		this.refresh = refresh;
	}

	@GetMapping("/forms")
	String page(@RequestParam(name = "page", required = false) String pageId, Model model, HttpServletRequest request) {
		if (pageId == null || pageId.isBlank()) {
			return "redirect:/pages";
		}
		describe(pageId, model);
		return Fragments.view(request, "forms/page");
	}

	@GetMapping("/forms/page/{pageId}")
	String table(@PathVariable String pageId, Model model) {
		describe(pageId, model);
		return TABLE;
	}

	@PostMapping("/forms/page/{pageId}/refresh")
	String refresh(@PathVariable String pageId, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		String done = null;
		String failed = null;
		try {
			int read = this.refresh.refresh(pageId);
			done = (read == 1) ? "Read 1 form from Meta." : "Read " + read + " forms from Meta.";
		}
		catch (FormRefreshException ex) {
			failed = ex.getMessage() + " The forms below are from the last read.";
		}
		if (!"true".equals(request.getHeader("HX-Request"))) {
			redirect.addFlashAttribute((done != null) ? "flash" : "flashError", (done != null) ? done : failed);
			redirect.addAttribute("page", pageId);
			return "redirect:/forms";
		}
		describe(pageId, model);
		model.addAttribute("refreshed", done);
		model.addAttribute("refreshProblem", failed);
		return TABLE;
	}

	@ExceptionHandler(PageNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private void describe(String pageId, Model model) {
		model.addAttribute("activeNav", "pages");
		model.addAttribute("pageForms", this.refresh.view(pageId));
	}

}
