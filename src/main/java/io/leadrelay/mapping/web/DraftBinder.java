package io.leadrelay.mapping.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDraft.ConditionDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.Rule;
import io.leadrelay.mapping.MappingDraft.TransformDraft;

import org.springframework.util.MultiValueMap;

/**
 * The visual editor's form, as posted, to a {@link MappingDraft}. Rows are named by index
 * ({@code fields[0].target}, {@code fields[0].transforms[1].name},
 * {@code when.rules[2].operator}) and kept in index order; what was typed is kept as it
 * is, for the parser to judge.
 */
final class DraftBinder {

	private static final Pattern FIELD = Pattern.compile("fields\\[(\\d{1,4})]\\.(.+)");

	private static final Pattern TRANSFORM = Pattern.compile("transforms\\[(\\d{1,4})]\\.(.+)");

	private static final Pattern RULE = Pattern.compile("when\\.rules\\[(\\d{1,4})]\\.(.+)");

	private DraftBinder() {
	}

	static MappingDraft bind(MultiValueMap<String, String> form) {
		return new MappingDraft(text(form, "id"), blankToNull(text(form, "name")), text(form, "destination"),
				"true".equals(form.getFirst("enabled")), values(form, "pages"), values(form, "forms"),
				values(form, "platforms"), condition(form), fields(form));
	}

	private static ConditionDraft condition(MultiValueMap<String, String> form) {
		String combine = "any".equals(form.getFirst("when.combine")) ? "any" : "all";
		if ("true".equals(form.getFirst("when.keep"))) {
			return new ConditionDraft(combine, List.of(), false);
		}
		List<Rule> rules = new ArrayList<>();
		for (Map<String, String> rule : indexed(form, RULE).values()) {
			String operator = rule.getOrDefault("operator", "equals");
			String value = rule.getOrDefault("value", "");
			List<String> values = switch (operator) {
				case "exists" -> List.of();
				case "in" -> Arrays.stream(value.split(",")).map(String::trim).filter((v) -> !v.isEmpty()).toList();
				default -> List.of(value);
			};
			rules.add(new Rule(rule.getOrDefault("field", "").trim(), operator, values,
					"true".equals(rule.get("negated"))));
		}
		return rules.isEmpty() ? null : new ConditionDraft(combine, rules, true);
	}

	private static List<FieldDraft> fields(MultiValueMap<String, String> form) {
		List<FieldDraft> fields = new ArrayList<>();
		for (Map<String, String> field : indexed(form, FIELD).values()) {
			String kind = field.getOrDefault("kind", "answer");
			String source = switch (kind) {
				case "answer" -> field.getOrDefault("answer", "");
				case "meta" -> field.getOrDefault("meta", "");
				default -> field.getOrDefault("value", "");
			};
			fields.add(new FieldDraft(field.getOrDefault("target", "").trim(), kind, source, transforms(field),
					"true".equals(field.get("required"))));
		}
		return fields;
	}

	private static List<TransformDraft> transforms(Map<String, String> field) {
		Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
		field.forEach((key, value) -> {
			Matcher matcher = TRANSFORM.matcher(key);
			if (matcher.matches()) {
				byIndex.computeIfAbsent(Integer.valueOf(matcher.group(1)), (i) -> new LinkedHashMap<>())
					.put(matcher.group(2), value);
			}
		});
		return byIndex.values().stream().filter((t) -> !blank(t.get("name"))).map(DraftBinder::transform).toList();
	}

	private static TransformDraft transform(Map<String, String> transform) {
		String name = transform.get("name");
		String argument = blankToNull(transform.get("argument"));
		return switch (name) {
			case "value_map" -> new TransformDraft(name, null, null, ValueMapText.parse(transform.get("map")),
					blankToNull(transform.get("default")));
			case "regex_extract" -> new TransformDraft(name, argument, group(transform.get("group")), null, null);
			case "trim", "lower", "upper", "title" -> TransformDraft.of(name, null);
			default -> TransformDraft.of(name, argument);
		};
	}

	private static Integer group(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** The rows of one repeated part, by index, each as its sub-keys and first values. */
	private static Map<Integer, Map<String, String>> indexed(MultiValueMap<String, String> form, Pattern pattern) {
		Map<Integer, Map<String, String>> rows = new TreeMap<>();
		form.forEach((key, values) -> {
			Matcher matcher = pattern.matcher(key);
			if (matcher.matches() && !values.isEmpty()) {
				rows.computeIfAbsent(Integer.valueOf(matcher.group(1)), (i) -> new LinkedHashMap<>())
					.put(matcher.group(2), values.get(0));
			}
		});
		return rows;
	}

	private static String text(MultiValueMap<String, String> form, String key) {
		String value = form.getFirst(key);
		return (value != null) ? value.trim() : "";
	}

	private static List<String> values(MultiValueMap<String, String> form, String key) {
		List<String> values = form.get(key);
		return (values != null) ? values.stream().filter((v) -> !blank(v)).distinct().toList() : List.of();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return blank(value) ? null : value;
	}

}
