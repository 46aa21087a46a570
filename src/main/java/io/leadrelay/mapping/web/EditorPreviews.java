package io.leadrelay.mapping.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.leadrelay.form.LeadForm;
import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.LeadData;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingEngine;
import io.leadrelay.mapping.MappingNotFoundException;
import io.leadrelay.mapping.MappingResult;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.mapping.StoredLeads;
import io.leadrelay.security.PersonalData;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The live preview: the draft, parsed as it would be saved (nothing is saved), applied to
 * the latest real leads of its forms, or to a sample lead when none is kept. Values of
 * real leads are hidden from roles that may not read personal data.
 */
@Component
class EditorPreviews {

	static final int LEADS = 3;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final Mappings mappings;

	private final MappingEngine engine;

	private final StoredLeads leads;

	private final EditorOptions options;

	private final Clock clock;

	EditorPreviews(Mappings mappings, MappingEngine engine, StoredLeads leads, EditorOptions options, Clock clock) {
		this.mappings = mappings;
		this.engine = engine;
		this.leads = leads;
		this.options = options;
		this.clock = clock;
	}

	EditorPreview preview(MappingDraft draft, Authentication caller) {
		if (draft.fields().stream().allMatch((field) -> field.target().isBlank())) {
			return EditorPreview.problem("Choose a CRM field in a row below to see what a lead becomes.", "general");
		}
		Mapping mapping;
		try {
			mapping = keptCondition(draft, this.mappings.parse(DraftJson.write(forPreview(draft))));
		}
		catch (InvalidMappingException ex) {
			EditorErrors errors = EditorErrors.of(ex, draft);
			String at = errors.all().keySet().iterator().next();
			return EditorPreview.problem(errors.get(at), at);
		}
		List<LeadForm> forms = this.options.chosenForms(draft);
		List<String> formIds = draft.forms().isEmpty() && !draft.pages().isEmpty()
				? forms.stream().map(LeadForm::formId).toList() : draft.forms();
		List<LeadData> real = (draft.pages().isEmpty() || !formIds.isEmpty()) ? this.leads.latest(formIds, LEADS)
				: List.of();
		boolean sample = real.isEmpty();
		List<LeadData> shown = sample ? List.of(SampleLead.of(forms, this.clock.instant())) : real;
		List<EditorPreview.LeadPreview> previews = new ArrayList<>();
		for (LeadData lead : shown) {
			previews.add(lead(mapping, lead, sample, caller));
		}
		return new EditorPreview(null, null, sample, previews);
	}

	private EditorPreview.LeadPreview lead(Mapping mapping, LeadData lead, boolean sample, Authentication caller) {
		MappingResult result = this.engine.apply(mapping, lead);
		Map<String, String> payload = sample ? result.payload() : PersonalData.forCaller(caller, result.payload());
		List<EditorPreview.Row> rows = mapping.fields().stream().map((field) -> {
			String error = result.errors()
				.stream()
				.filter((e) -> e.field().equals(field.target()))
				.map(MappingResult.FieldError::message)
				.findFirst()
				.orElse(null);
			return new EditorPreview.Row(field.target(), payload.get(field.target()), error);
		}).toList();
		Map<String, String> metadata = lead.metadata();
		String title = sample
				? "Sample lead" + (metadata.containsKey("form_name") ? " of " + metadata.get("form_name") : "")
				: "Lead of " + metadata.getOrDefault("form_name", metadata.getOrDefault("form_id", "a form"))
						+ (metadata.containsKey("created_time") ? ", " + when(metadata.get("created_time")) : "");
		String whyNot = whyNot(mapping, lead);
		return new EditorPreview.LeadPreview(title, whyNot == null, whyNot, rows);
	}

	/** When the lead came, in UTC to the minute. */
	private static String when(String createdTime) {
		try {
			return WHEN.format(Instant.parse(createdTime));
		}
		catch (DateTimeParseException ex) {
			return createdTime;
		}
	}

	private String whyNot(Mapping mapping, LeadData lead) {
		Map<String, String> metadata = lead.metadata();
		if (outside(mapping.pages(), metadata.get("page_id"))) {
			return "it came from a page this mapping does not take";
		}
		if (outside(mapping.forms(), metadata.get("form_id"))) {
			return "it came from a form this mapping does not take";
		}
		if (outside(mapping.platforms(), metadata.get("platform"))) {
			return "it came from a platform this mapping does not take";
		}
		if (mapping.condition() != null && !mapping.condition().test(lead)) {
			return "it does not meet the condition under \"Which leads\"";
		}
		return null;
	}

	private static boolean outside(Set<String> allowed, String value) {
		return !allowed.isEmpty() && (value == null || !allowed.contains(value));
	}

	/** A draft still being typed: a placeholder id so that the rest can be previewed. */
	private static MappingDraft forPreview(MappingDraft draft) {
		if (ID.matcher(draft.id()).matches()) {
			return draft;
		}
		return new MappingDraft("preview", draft.name(), draft.destination(), draft.enabled(), draft.pages(),
				draft.forms(), draft.platforms(), draft.when(), draft.fields());
	}

	/** A condition beyond the builder is the stored one, unchanged. */
	private Mapping keptCondition(MappingDraft draft, Mapping mapping) {
		if (draft.when() == null || draft.when().editable()) {
			return mapping;
		}
		try {
			Mapping stored = this.mappings.definitionOf(this.mappings.current(draft.id()));
			return new Mapping(mapping.id(), mapping.version(), mapping.destination(), mapping.enabled(),
					mapping.pages(), mapping.forms(), mapping.platforms(), stored.condition(), mapping.fields());
		}
		catch (MappingNotFoundException ex) {
			return mapping;
		}
	}

}
