package io.leadrelay.mapping.web;

import java.util.List;

import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.MappingAlreadyExistsException;
import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDrafts;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.mapping.StoredMapping;
import io.leadrelay.security.PersonalData;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The visual mapping editor: a mapping made with pickers (pages, forms, a condition, one
 * row per CRM field with its source and transforms), a live preview on real leads, and a
 * save that goes through the same checks as the YAML.
 */
@Controller
class MappingEditorController {

	private static final String PAGE = "mappings/editor";

	private final Mappings mappings;

	private final MappingDrafts drafts;

	private final EditorOptions options;

	private final EditorPreviews previews;

	MappingEditorController(Mappings mappings, MappingDrafts drafts, EditorOptions options, EditorPreviews previews) {
		this.mappings = mappings;
		this.drafts = drafts;
		this.options = options;
		this.previews = previews;
	}

	@GetMapping("/mappings/new")
	String newMapping(@RequestParam(defaultValue = "") String destination, Authentication caller, Model model,
			HttpServletRequest request) {
		MappingDraft draft = new MappingDraft("", null, destination, true, List.of(), List.of(), List.of(), null,
				List.of(EditorOps.newField()));
		describe(model, draft, null, EditorErrors.none(), caller);
		return Fragments.view(request, PAGE);
	}

	@GetMapping("/mappings/{id}/edit")
	String edit(@PathVariable String id, Authentication caller, Model model, HttpServletRequest request) {
		MappingDraft draft = this.drafts.read(this.mappings.current(id).definition());
		describe(model, draft, id, EditorErrors.none(), caller);
		return Fragments.view(request, PAGE);
	}

	@PostMapping("/mappings/new")
	String create(@RequestParam MultiValueMap<String, String> form, Authentication caller, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return save(DraftBinder.bind(form), null, caller, model, redirect, response);
	}

	@PostMapping("/mappings/{id}/edit")
	String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication caller,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		form.set("id", id);
		return save(DraftBinder.bind(form), id, caller, model, redirect, response);
	}

	/** A picker or a button changed the form's shape: the form drawn again. */
	@PostMapping("/mappings/editor/form")
	String redraw(@RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "") String op,
			Authentication caller, Model model, HttpServletResponse response) {
		response.setHeader("HX-Trigger", "editor-changed");
		MappingDraft draft = EditorOps.apply(DraftBinder.bind(form), op);
		describe(model, draft, mappingId(form), EditorErrors.none(), caller);
		return PAGE + " :: editor-body";
	}

	/** The row {@code button#add-field} appends. */
	@PostMapping("/mappings/editor/field-row")
	String newRow(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		response.setHeader("HX-Trigger", "editor-changed");
		MappingDraft draft = DraftBinder.bind(form);
		model.addAttribute("choices", this.options.choices(draft));
		model.addAttribute("errors", EditorErrors.none());
		model.addAttribute("row", EditorForm.FieldRow.of(EditorOps.newField()));
		model.addAttribute("i", draft.fields().size());
		return "mappings/field-row :: new-row";
	}

	@PostMapping("/mappings/editor/preview")
	String preview(@RequestParam MultiValueMap<String, String> form, Authentication caller, Model model) {
		MappingDraft draft = DraftBinder.bind(form);
		model.addAttribute("preview", this.previews.preview(draft, caller));
		model.addAttribute("rowCount", draft.fields().size());
		return "mappings/preview :: preview";
	}

	private String save(MappingDraft bound, String id, Authentication caller, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		String current = (id != null) ? this.mappings.current(id).definition() : null;
		MappingDraft draft = withKeptCondition(bound, current);
		EditorErrors errors = EditorErrors.check(draft);
		if (errors.isEmpty()) {
			try {
				String yaml = this.drafts.write(draft, current);
				StoredMapping saved = (id == null) ? this.mappings.create(yaml, caller.getName())
						: this.mappings.update(id, yaml, caller.getName());
				redirect.addFlashAttribute("flash", "Saved as version " + saved.version() + ".");
				return "redirect:/mappings/" + saved.id() + "/edit";
			}
			catch (InvalidMappingException ex) {
				errors = EditorErrors.of(ex, draft);
			}
			catch (MappingAlreadyExistsException ex) {
				errors.put("id", "There is a mapping '" + draft.id() + "' already; choose another id");
			}
		}
		response.setStatus(422);
		describe(model, bound, id, errors, caller);
		return PAGE;
	}

	/**
	 * A condition beyond the builder is saved as it was; a new mapping has none to keep
	 * (only a forged form asks to).
	 */
	private MappingDraft withKeptCondition(MappingDraft draft, String current) {
		if (draft.when() == null || draft.when().editable()) {
			return draft;
		}
		return new MappingDraft(draft.id(), draft.name(), draft.destination(), draft.enabled(), draft.pages(),
				draft.forms(), draft.platforms(), (current != null) ? this.drafts.read(current).when() : null,
				draft.fields());
	}

	private void describe(Model model, MappingDraft draft, String mappingId, EditorErrors errors,
			Authentication caller) {
		model.addAttribute("activeNav", "mappings");
		model.addAttribute("editor", EditorForm.of(draft));
		model.addAttribute("choices", this.options.choices(draft));
		model.addAttribute("errors", errors);
		model.addAttribute("mappingId", mappingId);
		model.addAttribute("isNew", mappingId == null);
		model.addAttribute("canEdit", PersonalData.visibleTo(caller));
		model.addAttribute("preview", this.previews.preview(draft, caller));
		model.addAttribute("rowCount", draft.fields().size());
	}

	private static String mappingId(MultiValueMap<String, String> form) {
		return "edit".equals(form.getFirst("mode")) ? form.getFirst("id") : null;
	}

}
