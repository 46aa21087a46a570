package io.leadrelay.mapping;

import java.util.List;
import java.util.Map;

/**
 * A mapping as the visual editor shows and edits it: the same content as its YAML, in the
 * shape of the editor's rows. {@link MappingDrafts} turns YAML into a draft and a draft
 * back into YAML.
 *
 * @param id the mapping's id
 * @param name its display name ({@code null} when none)
 * @param destination the destination's id
 * @param enabled whether it takes leads
 * @param pages the page ids it takes leads of (empty: every page)
 * @param forms the form ids it takes leads of (empty: every form)
 * @param platforms {@code fb}, {@code ig} (empty: both)
 * @param when the condition a lead must meet ({@code null}: none)
 * @param fields one row per CRM field, in the YAML's order
 */
public record MappingDraft(String id, String name, String destination, boolean enabled, List<String> pages,
		List<String> forms, List<String> platforms, ConditionDraft when, List<FieldDraft> fields) {

	public MappingDraft {
		pages = List.copyOf(pages);
		forms = List.copyOf(forms);
		platforms = List.copyOf(platforms);
		fields = List.copyOf(fields);
	}

	/**
	 * The condition builder: rules over answers and metadata joined by all or any.
	 *
	 * @param combine {@code all} or {@code any}
	 * @param rules the rules
	 * @param editable {@code false} when the YAML's condition is nested deeper than the
	 * builder shows; the editor then shows it read-only and keeps it as it is
	 */
	public record ConditionDraft(String combine, List<Rule> rules, boolean editable) {

		public ConditionDraft {
			rules = List.copyOf(rules);
		}

	}

	/**
	 * One rule of a condition.
	 *
	 * @param field an answer's key or a metadata name
	 * @param operator {@code equals}, {@code in}, {@code contains}, {@code matches} or
	 * {@code exists}
	 * @param values the operand: one value, several for {@code in}, none for
	 * {@code exists}
	 * @param negated whether the rule is wrapped in {@code not}
	 */
	public record Rule(String field, String operator, List<String> values, boolean negated) {

		public Rule {
			values = List.copyOf(values);
		}

	}

	/**
	 * One CRM field and where its value comes from.
	 *
	 * @param target the CRM field's name
	 * @param sourceKind {@code answer}, {@code meta}, {@code constant} or
	 * {@code template}
	 * @param source the question key, metadata name, constant or template text
	 * @param transforms applied in order
	 * @param required whether a lead without a value is refused
	 */
	public record FieldDraft(String target, String sourceKind, String source, List<TransformDraft> transforms,
			boolean required) {

		public FieldDraft {
			transforms = List.copyOf(transforms);
		}

	}

	/**
	 * One transform with its arguments.
	 *
	 * @param name {@code trim}, {@code e164}, {@code value_map}, ...
	 * ({@link MappingParser#TRANSFORMS})
	 * @param argument the single argument ({@code DE} for e164, {@code first} for
	 * split_name, the pattern for date and regex_extract, the length for truncate, the
	 * value for default), {@code null} for those taking none and for value_map
	 * @param group regex_extract's group ({@code null}: 1)
	 * @param map value_map's values, in order ({@code null} for other transforms)
	 * @param defaultValue value_map's default ({@code null}: none)
	 */
	public record TransformDraft(String name, String argument, Integer group, Map<String, String> map,
			String defaultValue) {

		public static TransformDraft of(String name, String argument) {
			return new TransformDraft(name, argument, null, null, null);
		}

	}

}
