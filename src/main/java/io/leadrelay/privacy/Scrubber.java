package io.leadrelay.privacy;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a person's values out of a text that may quote them (a CRM's error, a reason
 * typed by a person), leaving the rest readable: each value, in any case, becomes
 * {@value #REMOVED}.
 */
final class Scrubber {

	static final String REMOVED = "[removed]";

	private static final List<String> NAME_FIELDS = List.of("full_name", "first_name", "last_name");

	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final List<Pattern> patterns;

	private Scrubber(Collection<String> values) {
		this.patterns = values.stream()
			.filter((value) -> value.length() >= 3)
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map((value) -> Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
			.toList();
	}

	/**
	 * A scrubber of the values of answers (and of a name's single words, and a phone's
	 * digits), and of the values a payload sent that look like an email or a phone
	 * number, or quote an answer.
	 */
	static Scrubber of(Collection<Answer> answers, Collection<String> phones, Collection<String> payloadValues) {
		Set<String> values = new LinkedHashSet<>();
		for (Answer answer : answers) {
			String value = answer.value().trim();
			values.add(value);
			if (NAME_FIELDS.contains(answer.field())) {
				values.addAll(List.of(NOT_A_WORD.split(value)));
			}
			if ("phone_number".equals(answer.field())) {
				values.add(value.replaceAll("[^0-9]", ""));
			}
		}
		values.addAll(phones);
		Set<String> known = Set.copyOf(values);
		for (String sent : payloadValues) {
			String lower = sent.toLowerCase(Locale.ROOT);
			boolean quotes = known.stream().anyMatch((value) -> lower.contains(value.toLowerCase(Locale.ROOT)));
			if (quotes || sent.contains("@") || sent.replaceAll("[^0-9]", "").length() >= 6) {
				values.add(sent.trim());
			}
		}
		values.removeIf(String::isBlank);
		return new Scrubber(values);
	}

	String scrub(String text) {
		if (text == null) {
			return null;
		}
		String scrubbed = text;
		for (Pattern pattern : this.patterns) {
			scrubbed = pattern.matcher(scrubbed).replaceAll(Matcher.quoteReplacement(REMOVED));
		}
		return scrubbed;
	}

	/**
	 * One answer value.
	 *
	 * @param field the question
	 * @param value the answer
	 */
	record Answer(String field, String value) {

	}

}
