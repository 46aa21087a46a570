package io.leadrelay.mapping.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.leadrelay.destination.CrmField;
import io.leadrelay.destination.CrmFields;
import io.leadrelay.destination.Destinations;
import io.leadrelay.form.LeadForm;
import io.leadrelay.form.LeadForms;
import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.page.Pages;

import org.springframework.stereotype.Component;

/** Reads what the editor's pickers offer for a draft. */
@Component
class EditorOptions {

	private final Destinations destinations;

	private final Pages pages;

	private final LeadForms forms;

	private final CrmFields crmFields;

	EditorOptions(Destinations destinations, Pages pages, LeadForms forms, CrmFields crmFields) {
		this.destinations = destinations;
		this.pages = pages;
		this.forms = forms;
		this.crmFields = crmFields;
	}

	EditorChoices choices(MappingDraft draft) {
		List<EditorChoices.PageChoice> pageChoices = this.pages.list().stream().map((page) -> {
			List<LeadForm> pageForms = this.forms.forPage(page.pageId());
			boolean chosen = draft.pages().contains(page.pageId());
			return new EditorChoices.PageChoice(page, chosen, pageForms,
					chosen || pageForms.stream().anyMatch((form) -> draft.forms().contains(form.formId())));
		}).toList();
		Set<String> listed = pageChoices.stream()
			.flatMap((choice) -> choice.forms().stream())
			.map(LeadForm::formId)
			.collect(Collectors.toSet());
		List<String> otherForms = draft.forms().stream().filter((form) -> !listed.contains(form)).toList();
		List<CrmField> fields = draft.destination().isBlank() ? List.of() : this.crmFields.of(draft.destination());
		Set<String> mapped = draft.fields().stream().map(MappingDraft.FieldDraft::target).collect(Collectors.toSet());
		List<CrmField> unmapped = fields.stream()
			.filter((field) -> field.required() && !field.readOnly() && !mapped.contains(field.name()))
			.toList();
		return new EditorChoices(this.destinations.list(), pageChoices, otherForms, questions(draft),
				fields.stream().filter((field) -> !field.readOnly()).toList(), unmapped);
	}

	/**
	 * The forms the draft reads: the chosen ones, else those of the chosen pages, else
	 * all.
	 */
	List<LeadForm> chosenForms(MappingDraft draft) {
		if (!draft.forms().isEmpty()) {
			return draft.forms().stream().flatMap((id) -> this.forms.get(id).stream()).toList();
		}
		if (!draft.pages().isEmpty()) {
			return draft.pages().stream().flatMap((page) -> this.forms.forPage(page).stream()).toList();
		}
		return this.forms.all();
	}

	private List<LeadForm.Question> questions(MappingDraft draft) {
		Map<String, LeadForm.Question> byKey = new LinkedHashMap<>();
		for (LeadForm form : chosenForms(draft)) {
			form.questions().forEach((question) -> byKey.putIfAbsent(question.key(), question));
		}
		return List.copyOf(byKey.values());
	}

}
