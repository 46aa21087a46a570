package io.leadrelay.mapping.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDraft.ConditionDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.Rule;
import io.leadrelay.mapping.MappingDraft.TransformDraft;

/**
 * The editor's buttons, applied to the draft on the server: {@code add-rule},
 * {@code remove-rule:<i>}, {@code remove-field:<i>}, {@code add-transform:<i>},
 * {@code remove-transform:<i>:<j>}, {@code up:<i>:<j>}, {@code down:<i>:<j>}; anything
 * else leaves the draft as it is (a picker changed: the form is drawn again).
 */
final class EditorOps {

	private EditorOps() {
	}

	static MappingDraft apply(MappingDraft draft, String op) {
		String[] parts = (op != null) ? op.split(":") : new String[] { "" };
		try {
			return switch (parts[0]) {
				case "add-rule" -> withRules(draft, add(rules(draft), new Rule("", "equals", List.of(""), false)));
				case "remove-rule" -> withRules(draft, remove(rules(draft), index(parts, 1)));
				case "remove-field" -> withFields(draft, remove(draft.fields(), index(parts, 1)));
				case "add-transform" -> withTransforms(draft, index(parts, 1),
						add(transforms(draft, index(parts, 1)), TransformDraft.of("trim", null)));
				case "remove-transform" ->
					withTransforms(draft, index(parts, 1), remove(transforms(draft, index(parts, 1)), index(parts, 2)));
				case "up", "down" -> withTransforms(draft, index(parts, 1),
						move(transforms(draft, index(parts, 1)), index(parts, 2), "up".equals(parts[0]) ? -1 : 1));
				default -> draft;
			};
		}
		catch (IndexOutOfBoundsException | NumberFormatException ex) {
			return draft;
		}
	}

	/** A new, empty field row. */
	static FieldDraft newField() {
		return new FieldDraft("", "answer", "", List.of(), false);
	}

	private static int index(String[] parts, int at) {
		return Integer.parseInt(parts[at]);
	}

	private static List<Rule> rules(MappingDraft draft) {
		return (draft.when() != null && draft.when().editable()) ? draft.when().rules() : List.of();
	}

	private static List<TransformDraft> transforms(MappingDraft draft, int field) {
		return draft.fields().get(field).transforms();
	}

	private static <T> List<T> add(List<T> list, T item) {
		List<T> copy = new ArrayList<>(list);
		copy.add(item);
		return copy;
	}

	private static <T> List<T> remove(List<T> list, int index) {
		List<T> copy = new ArrayList<>(list);
		copy.remove(index);
		return copy;
	}

	private static <T> List<T> move(List<T> list, int index, int by) {
		List<T> copy = new ArrayList<>(list);
		int to = index + by;
		if (to >= 0 && to < copy.size()) {
			Collections.swap(copy, index, to);
		}
		return copy;
	}

	private static MappingDraft withRules(MappingDraft draft, List<Rule> rules) {
		String combine = (draft.when() != null) ? draft.when().combine() : "all";
		return new MappingDraft(draft.id(), draft.name(), draft.destination(), draft.enabled(), draft.pages(),
				draft.forms(), draft.platforms(), rules.isEmpty() ? null : new ConditionDraft(combine, rules, true),
				draft.fields());
	}

	private static MappingDraft withFields(MappingDraft draft, List<FieldDraft> fields) {
		return new MappingDraft(draft.id(), draft.name(), draft.destination(), draft.enabled(), draft.pages(),
				draft.forms(), draft.platforms(), draft.when(), fields);
	}

	private static MappingDraft withTransforms(MappingDraft draft, int index, List<TransformDraft> transforms) {
		List<FieldDraft> fields = new ArrayList<>(draft.fields());
		FieldDraft field = fields.get(index);
		fields.set(index,
				new FieldDraft(field.target(), field.sourceKind(), field.source(), transforms, field.required()));
		return withFields(draft, fields);
	}

}
