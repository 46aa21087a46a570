package io.leadrelay.audit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an entry's details as the JSON object that {@code audit_event.details} stores,
 * in at most {@value #MAX_LENGTH} characters. Escaping can make a value longer than it
 * was given (a message full of quotes doubles), so when the object does not fit, its
 * longest text values are cut until it does: an audited change never fails for the length
 * of its details.
 */
final class DetailsJson {

	/** The length of the {@code details} column. */
	static final int MAX_LENGTH = 2000;

	private final ObjectMapper json;

	DetailsJson(ObjectMapper json) {
		this.json = json;
	}

	/** The details as one JSON object, or {@code null} when there are none. */
	String write(Map<String, ?> details) {
		if (details.isEmpty()) {
			return null;
		}
		Map<String, Object> fitted = new LinkedHashMap<>(details);
		String text = serialize(fitted);
		while (text.length() > MAX_LENGTH) {
			String key = longestText(fitted, text);
			String value = (String) fitted.get(key);
			fitted.put(key, cut(value, value.length() - (text.length() - MAX_LENGTH)));
			text = serialize(fitted);
		}
		return text;
	}

	private String serialize(Map<String, Object> details) {
		try {
			return this.json.writeValueAsString(details);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Audit details could not be written as JSON: " + ex.getOriginalMessage(),
					ex);
		}
	}

	private static String longestText(Map<String, Object> details, String text) {
		return details.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() instanceof String value && !value.isEmpty())
			.max(Comparator.comparingInt((entry) -> ((String) entry.getValue()).length()))
			.map(Map.Entry::getKey)
			.orElseThrow(() -> new IllegalStateException(
					"Audit details of " + text.length() + " characters have no text left to shorten to " + MAX_LENGTH));
	}

	/**
	 * The first {@code length} characters (at least none), never half a surrogate pair.
	 */
	private static String cut(String value, int length) {
		int end = Math.max(0, length);
		if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end);
	}

}
