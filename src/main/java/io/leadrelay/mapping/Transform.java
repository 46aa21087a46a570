package io.leadrelay.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * One step that turns a field's value into what the CRM wants. An empty value (null or
 * blank) passes through every transform untouched, except {@code default}, which fills
 * it.
 */
public sealed interface Transform {

	/** Longest input a regular expression is run on, so that no pattern runs away. */
	int MAX_REGEX_INPUT = 1000;

	String apply(String value);

	/** Remove surrounding white space. */
	record Trim() implements Transform {
		@Override
		public String apply(String value) {
			return (value == null) ? null : value.strip();
		}
	}

	/** Lower case. */
	record Lower() implements Transform {
		@Override
		public String apply(String value) {
			return (value == null) ? null : value.toLowerCase(Locale.ROOT);
		}
	}

	/** Upper case. */
	record Upper() implements Transform {
		@Override
		public String apply(String value) {
			return (value == null) ? null : value.toUpperCase(Locale.ROOT);
		}
	}

	/**
	 * Each word capitalised: "ANA maría o'neil-smith" becomes "Ana María O'neil-Smith".
	 */
	record Title() implements Transform {
		@Override
		public String apply(String value) {
			if (value == null) {
				return null;
			}
			StringBuilder out = new StringBuilder(value.length());
			boolean start = true;
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				out.append(start ? Character.toTitleCase(c) : Character.toLowerCase(c));
				start = Character.isWhitespace(c) || c == '-';
			}
			return out.toString();
		}
	}

	/**
	 * A phone number in E.164 (+4930123456), read with a default region for local
	 * numbers.
	 */
	record E164(String defaultRegion) implements Transform {

		public E164 {
			if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
				throw new IllegalArgumentException(
						"unknown region '" + defaultRegion + "' (use ISO codes like DE, US)");
			}
		}

		@Override
		public String apply(String value) {
			if (isEmpty(value)) {
				return value;
			}
			PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
			try {
				PhoneNumber number = phones.parse(value, this.defaultRegion);
				if (!phones.isValidNumber(number)) {
					throw new TransformException(
							"is not a valid phone number (default region " + this.defaultRegion + ")");
				}
				return phones.format(number, PhoneNumberFormat.E164);
			}
			catch (NumberParseException ex) {
				throw new TransformException("is not a phone number (default region " + this.defaultRegion + ")");
			}
		}
	}

	/**
	 * One part of a full name: the last word is the last name, the words before it the
	 * first name ("Ana Maria Lopez": first "Ana Maria", last "Lopez"; "Ana": first "Ana",
	 * last empty).
	 */
	record SplitName(boolean first) implements Transform {
		@Override
		public String apply(String value) {
			if (isEmpty(value)) {
				return value;
			}
			String[] words = value.strip().split("\\s+");
			if (words.length == 1) {
				return this.first ? words[0] : "";
			}
			return this.first ? String.join(" ", List.of(words).subList(0, words.length - 1)) : words[words.length - 1];
		}
	}

	/**
	 * Replace a value by the one mapped to it, or by {@code otherwise} ({@code null}:
	 * keep it).
	 */
	record ValueMap(Map<String, String> map, String otherwise) implements Transform {
		@Override
		public String apply(String value) {
			if (isEmpty(value)) {
				return value;
			}
			String mapped = this.map.get(value);
			return (mapped != null) ? mapped : ((this.otherwise != null) ? this.otherwise : value);
		}
	}

	/**
	 * Read a date (ISO, dd.MM.yyyy, MM/dd/yyyy or Meta's timestamp) and write it as the
	 * pattern says.
	 */
	record DateFormat(DateTimeFormatter output, String pattern) implements Transform {

		private static final List<DateTimeFormatter> INPUTS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
				DateTimeFormatter.ofPattern("dd.MM.yyyy"), DateTimeFormatter.ofPattern("MM/dd/yyyy"));

		@Override
		public String apply(String value) {
			if (isEmpty(value)) {
				return value;
			}
			String text = value.strip();
			for (DateTimeFormatter input : INPUTS) {
				try {
					return LocalDate.parse(text, input).format(this.output);
				}
				catch (DateTimeParseException ex) {
					// try the next format
				}
			}
			try {
				return OffsetDateTime.parse(text.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).format(this.output);
			}
			catch (DateTimeParseException ex) {
				throw new TransformException("is not a date LeadRelay can read (2026-11-23, 23.11.2026, 11/23/2026)");
			}
		}
	}

	/**
	 * The text a group of a regular expression captures; no match gives an empty value.
	 */
	record RegexExtract(Pattern pattern, int group) implements Transform {
		@Override
		public String apply(String value) {
			if (isEmpty(value)) {
				return value;
			}
			if (value.length() > MAX_REGEX_INPUT) {
				throw new TransformException("is longer than " + MAX_REGEX_INPUT + " characters for regex_extract");
			}
			Matcher matcher = this.pattern.matcher(value);
			return matcher.find() ? matcher.group(this.group) : "";
		}
	}

	/** At most this many characters. */
	record Truncate(int length) implements Transform {
		@Override
		public String apply(String value) {
			return (value == null || value.length() <= this.length) ? value : value.substring(0, this.length);
		}
	}

	/** A value for when there is none. */
	record Default(String value) implements Transform {
		@Override
		public String apply(String given) {
			return isEmpty(given) ? this.value : given;
		}
	}

	static boolean isEmpty(String value) {
		return value == null || value.isBlank();
	}

}
