package io.leadrelay.mapping.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;

/**
 * What is wrong with a draft, by where the editor shows it: {@code id},
 * {@code destination}, {@code name}, {@code condition}, {@code rule:<i>},
 * {@code field:<i>}, {@code transform:<i>:<j>}, or {@code general} when no row fits.
 */
final class EditorErrors {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final Pattern RULE = Pattern.compile("match\\.when\\.(?:all|any)\\[(\\d+)].*");

	private static final Pattern TRANSFORM = Pattern.compile("\\.transforms\\[(\\d+)].*");

	private final Map<String, String> messages = new LinkedHashMap<>();

	static EditorErrors none() {
		return new EditorErrors();
	}

	/** The mistakes the editor can name before the parser sees the draft. */
	static EditorErrors check(MappingDraft draft) {
		EditorErrors errors = new EditorErrors();
		if (!ID.matcher(draft.id()).matches()) {
			errors.put("id", "An id is 1 to 64 lower-case letters, digits or '-', such as solar-quotes-to-hubspot");
		}
		if (draft.destination().isBlank()) {
			errors.put("destination", "Choose the destination its leads go to");
		}
		if (draft.fields().isEmpty()) {
			errors.put("general", "Add at least one CRM field");
		}
		if (draft.when() != null && draft.when().editable()) {
			for (int i = 0; i < draft.when().rules().size(); i++) {
				if (draft.when().rules().get(i).field().isBlank()) {
					errors.put("rule:" + i, "Choose the answer or lead detail this rule tests");
				}
			}
		}
		Set<String> seen = new HashSet<>();
		List<FieldDraft> fields = draft.fields();
		for (int i = 0; i < fields.size(); i++) {
			FieldDraft field = fields.get(i);
			if (field.target().isBlank()) {
				errors.put("field:" + i, "Choose the CRM field this row fills");
			}
			else if (!seen.add(field.target())) {
				errors.put("field:" + i, "'" + field.target() + "' is filled by another row already");
			}
			else if (field.source().isBlank() && !"constant".equals(field.sourceKind())) {
				errors.put("field:" + i, "Choose where the value comes from");
			}
		}
		return errors;
	}

	/** The parser's or the store's refusal, placed at the row its path names. */
	static EditorErrors of(InvalidMappingException ex, MappingDraft draft) {
		EditorErrors errors = new EditorErrors();
		errors.put(place(ex.path(), draft), message(ex));
		return errors;
	}

	static String place(String path, MappingDraft draft) {
		if (path == null) {
			return "general";
		}
		Matcher rule = RULE.matcher(path);
		if (rule.matches()) {
			return "rule:" + rule.group(1);
		}
		if (path.startsWith("match.when")) {
			return "condition";
		}
		if (path.startsWith("fields.")) {
			for (int i = 0; i < draft.fields().size(); i++) {
				String prefix = "fields." + draft.fields().get(i).target();
				if (path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
					Matcher transform = TRANSFORM.matcher(path.substring(prefix.length()));
					return transform.matches() ? "transform:" + i + ":" + transform.group(1) : "field:" + i;
				}
			}
		}
		for (String key : List.of("id", "name", "destination")) {
			if (path.equals(key)) {
				return key;
			}
		}
		return "general";
	}

	/**
	 * The message without the "the request body, line 7:" that only the YAML view needs.
	 */
	private static String message(InvalidMappingException ex) {
		String message = ex.getMessage();
		int colon = message.indexOf(": ");
		if (message.startsWith("the request body") && colon > 0) {
			message = message.substring(colon + 2);
		}
		return message.replaceAll(" \\(at [^)]*\\)$", "");
	}

	void put(String key, String message) {
		this.messages.putIfAbsent(key, message);
	}

	public boolean isEmpty() {
		return this.messages.isEmpty();
	}

	public boolean has(String key) {
		return this.messages.containsKey(key);
	}

	public String get(String key) {
		return this.messages.get(key);
	}

	/** The row's own message, or its first transform's. */
	public String field(int row) {
		String own = this.messages.get("field:" + row);
		if (own != null) {
			return own;
		}
		return this.messages.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("transform:" + row + ":"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	public String transform(int row, int index) {
		return this.messages.get("transform:" + row + ":" + index);
	}

	public Map<String, String> all() {
		return this.messages;
	}

}
