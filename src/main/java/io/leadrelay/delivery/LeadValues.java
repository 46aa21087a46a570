package io.leadrelay.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A lead's values (its answers and the payload mapped from them), to take out of what a
 * CRM answered before that answer is kept: a CRM's error often quotes the contact it
 * refused ("ana@example.com is not a valid email"), and a delivery's error is kept for
 * months and shown to every user. Each value of three characters or more is replaced by
 * {@value #PLACEHOLDER} wherever it stands as a whole (not inside a longer word), case
 * aside; the longest first, so that a full name goes before its parts.
 */
final class LeadValues {

	static final String PLACEHOLDER = "[redacted]";

	private static final int SHORTEST = 3;

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final Pattern pattern;

	private LeadValues(Pattern pattern) {
		this.pattern = pattern;
	}

	/**
	 * The values of the given JSON documents (objects, arrays; null or invalid: none).
	 */
	static LeadValues of(String... jsonDocuments) {
		Set<String> values = new LinkedHashSet<>();
		for (String json : jsonDocuments) {
			if (json != null) {
				try {
					collect(MAPPER.readTree(json), values);
				}
				catch (JsonProcessingException ex) {
					// Not JSON: nothing to take out from it.
				}
			}
		}
		List<String> longestFirst = new ArrayList<>(values);
		longestFirst.sort(Comparator.comparingInt(String::length).reversed());
		if (longestFirst.isEmpty()) {
			return new LeadValues(null);
		}
		String alternatives = longestFirst.stream().map(Pattern::quote).collect(Collectors.joining("|"));
		return new LeadValues(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
	}

	/** The text without the lead's values; {@code null} stays {@code null}. */
	String redact(String text) {
		if (text == null || this.pattern == null) {
			return text;
		}
		return this.pattern.matcher(text).replaceAll(PLACEHOLDER);
	}

	private static void collect(JsonNode node, Set<String> values) {
		if (node == null) {
			return;
		}
		if (node.isContainerNode()) {
			node.forEach((child) -> collect(child, values));
			return;
		}
		if (node.isTextual() || node.isNumber()) {
			String value = node.asText().strip();
			if (value.length() >= SHORTEST) {
				values.add(value);
			}
		}
	}

}
