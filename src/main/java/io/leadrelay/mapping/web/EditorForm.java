package io.leadrelay.mapping.web;

import java.util.ArrayList;
import java.util.List;

import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.Rule;
import io.leadrelay.mapping.MappingDraft.TransformDraft;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A {@link MappingDraft} as the editor's form shows it: one row per rule, CRM field and
 * transform, each value as the input holds it. The reverse of {@link DraftBinder}.
 *
 * @param id the mapping's id
 * @param name its name ({@code ""} when none)
 * @param destination the destination's id
 * @param enabled whether it takes leads
 * @param pages the chosen pages
 * @param forms the chosen forms
 * @param platforms the chosen platforms
 * @param combine {@code all} or {@code any}
 * @param keepCondition whether the condition is beyond the builder and kept as it is
 * @param rules the condition's rules
 * @param fields the CRM field rows
 */
record EditorForm(String id, String name, String destination, boolean enabled, List<String> pages, List<String> forms,
		List<String> platforms, String combine, boolean keepCondition, List<RuleRow> rules, List<FieldRow> fields) {

	static EditorForm of(MappingDraft draft) {
		boolean keep = draft.when() != null && !draft.when().editable();
		List<RuleRow> rules = (draft.when() == null || keep) ? List.of()
				: draft.when().rules().stream().map(RuleRow::of).toList();
		return new EditorForm(draft.id(), (draft.name() != null) ? draft.name() : "", draft.destination(),
				draft.enabled(), draft.pages(), draft.forms(), draft.platforms(),
				(draft.when() != null) ? draft.when().combine() : "all", keep, rules,
				draft.fields().stream().map(FieldRow::of).toList());
	}

	/** The form's parameters, as the browser would post them. */
	MultiValueMap<String, String> toParams() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("id", this.id);
		params.add("name", this.name);
		params.add("destination", this.destination);
		if (this.enabled) {
			params.add("enabled", "true");
		}
		this.pages.forEach((page) -> params.add("pages", page));
		this.forms.forEach((form) -> params.add("forms", form));
		this.platforms.forEach((platform) -> params.add("platforms", platform));
		params.add("when.combine", this.combine);
		if (this.keepCondition) {
			params.add("when.keep", "true");
		}
		for (int i = 0; i < this.rules.size(); i++) {
			this.rules.get(i).addTo(params, "when.rules[" + i + "].");
		}
		for (int i = 0; i < this.fields.size(); i++) {
			this.fields.get(i).addTo(params, "fields[" + i + "].");
		}
		return params;
	}

	/**
	 * A rule of the condition builder; {@code value} holds "is one of"'s values
	 * comma-separated.
	 */
	record RuleRow(String field, String operator, String value, boolean negated) {

		static RuleRow of(Rule rule) {
			return new RuleRow(rule.field(), rule.operator(), String.join(", ", rule.values()), rule.negated());
		}

		void addTo(MultiValueMap<String, String> params, String prefix) {
			params.add(prefix + "field", this.field);
			params.add(prefix + "operator", this.operator);
			params.add(prefix + "value", this.value);
			if (this.negated) {
				params.add(prefix + "negated", "true");
			}
		}

	}

	/** One CRM field row: the source's input matching its kind holds the source. */
	record FieldRow(String target, String kind, String answer, String meta, String value, boolean required,
			List<TransformRow> transforms) {

		static FieldRow of(FieldDraft field) {
			String kind = field.sourceKind();
			return new FieldRow(field.target(), kind, "answer".equals(kind) ? field.source() : "",
					"meta".equals(kind) ? field.source() : "",
					("constant".equals(kind) || "template".equals(kind)) ? field.source() : "", field.required(),
					field.transforms().stream().map(TransformRow::of).toList());
		}

		void addTo(MultiValueMap<String, String> params, String prefix) {
			params.add(prefix + "target", this.target);
			params.add(prefix + "kind", this.kind);
			params.add(prefix + "answer", this.answer);
			params.add(prefix + "meta", this.meta);
			params.add(prefix + "value", this.value);
			if (this.required) {
				params.add(prefix + "required", "true");
			}
			List<TransformRow> all = new ArrayList<>(this.transforms);
			for (int j = 0; j < all.size(); j++) {
				all.get(j).addTo(params, prefix + "transforms[" + j + "].");
			}
		}

	}

	/** One transform with its argument inputs; value_map's values as lines. */
	record TransformRow(String name, String argument, String group, String map, String defaultValue) {

		static TransformRow of(TransformDraft transform) {
			return new TransformRow(transform.name(), nullToEmpty(transform.argument()),
					(transform.group() != null) ? String.valueOf(transform.group()) : "",
					ValueMapText.format(transform.map()), nullToEmpty(transform.defaultValue()));
		}

		void addTo(MultiValueMap<String, String> params, String prefix) {
			params.add(prefix + "name", this.name);
			params.add(prefix + "argument", this.argument);
			params.add(prefix + "group", this.group);
			params.add(prefix + "map", this.map);
			params.add(prefix + "default", this.defaultValue);
		}

		private static String nullToEmpty(String value) {
			return (value != null) ? value : "";
		}

	}

}
