package io.leadrelay.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person can be found by in a lead's answers, in the form search compares: an
 * email lower-cased and trimmed, a phone number as its digits ({@code +49 151 2345-678}
 * and {@code 491512345678} are the same), each word of a name lower-cased. Meta's
 * standard fields are read, and any answer that looks like an email.
 */
public final class LeadContacts {

	/** The longest term kept; longer values are cut. */
	static final int MAX_TERM = 200;

	private static final List<String> NAME_FIELDS = List.of("full_name", "first_name", "last_name");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ()./-]*[0-9][0-9 ()./-]*");

	private LeadContacts() {
	}

	/** The kinds of term: {@code email}, {@code phone}, {@code name}. */
	public enum Kind {

		EMAIL, PHONE, NAME;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One thing a lead can be found by.
	 *
	 * @param kind what it is
	 * @param term its normalized form
	 */
	public record Term(Kind kind, String term) {

	}

	/** Every term of a lead's answers, each once. */
	public static List<Term> of(Map<String, List<String>> answers) {
		Set<Term> terms = new LinkedHashSet<>();
		if (answers == null) {
			return List.of();
		}
		answers.forEach((field, values) -> {
			if (values == null) {
				return;
			}
			for (String value : values) {
				if (value == null || value.isBlank()) {
					continue;
				}
				if ("phone_number".equals(field)) {
					add(terms, Kind.PHONE, phone(value));
				}
				else if (NAME_FIELDS.contains(field)) {
					words(value).forEach((word) -> add(terms, Kind.NAME, word));
				}
				else if ("email".equals(field) || EMAIL.matcher(value.trim()).matches()) {
					add(terms, Kind.EMAIL, email(value));
				}
			}
		});
		return List.copyOf(terms);
	}

	/**
	 * What a search box's text looks for; every term must match (as the term itself or
	 * the start of one). Text with an {@code @} is an email, text of digits and phone
	 * punctuation a phone number, anything else the words of a name.
	 */
	public static List<Term> search(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String trimmed = text.trim();
		if (trimmed.contains("@")) {
			return List.of(new Term(Kind.EMAIL, email(trimmed)));
		}
		if (PHONE_LIKE.matcher(trimmed).matches()) {
			return List.of(new Term(Kind.PHONE, phone(trimmed)));
		}
		return words(trimmed).stream().map((word) -> new Term(Kind.NAME, word)).toList();
	}

	static String email(String value) {
		return cut(value.trim().toLowerCase(Locale.ROOT));
	}

	static String phone(String value) {
		StringBuilder digits = new StringBuilder();
		value.chars().filter(Character::isDigit).forEach((digit) -> digits.append(Character.getNumericValue(digit)));
		return cut(digits.toString());
	}

	static List<String> words(String value) {
		List<String> words = new ArrayList<>();
		for (String word : NOT_A_WORD.split(value.toLowerCase(Locale.ROOT))) {
			if (!word.isEmpty()) {
				words.add(cut(word));
			}
		}
		return words;
	}

	private static void add(Set<Term> terms, Kind kind, String term) {
		if (!term.isEmpty()) {
			terms.add(new Term(kind, term));
		}
	}

	private static String cut(String value) {
		return (value.length() <= MAX_TERM) ? value : value.substring(0, MAX_TERM);
	}

}
