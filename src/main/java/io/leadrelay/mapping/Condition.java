package io.leadrelay.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test on a lead's answers (or, where no answer has the name, its metadata). A
 * multiple-choice answer matches when any of its values does.
 */
public sealed interface Condition {

	boolean test(LeadData lead);

	/** Every condition holds (an empty list holds). */
	record All(List<Condition> conditions) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			return this.conditions.stream().allMatch((condition) -> condition.test(lead));
		}
	}

	/** At least one condition holds. */
	record Any(List<Condition> conditions) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			return this.conditions.stream().anyMatch((condition) -> condition.test(lead));
		}
	}

	/** The condition does not hold. */
	record Not(Condition condition) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			return !this.condition.test(lead);
		}
	}

	/** The field equals the value, ignoring case. */
	record EqualsValue(String field, String value) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			return valuesOf(lead, this.field).stream().anyMatch((given) -> given.equalsIgnoreCase(this.value));
		}
	}

	/** The field is one of the values, ignoring case. */
	record In(String field, Set<String> values) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			return valuesOf(lead, this.field).stream()
				.anyMatch((given) -> this.values.stream().anyMatch(given::equalsIgnoreCase));
		}
	}

	/** The field contains the text, ignoring case. */
	record Contains(String field, String text) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			String wanted = this.text.toLowerCase(Locale.ROOT);
			return valuesOf(lead, this.field).stream()
				.anyMatch((given) -> given.toLowerCase(Locale.ROOT).contains(wanted));
		}
	}

	/**
	 * The whole field matches the regular expression (inputs past 1000 characters never
	 * match).
	 */
	record Matches(String field, Pattern pattern) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			return valuesOf(lead, this.field).stream()
				.filter((given) -> given.length() <= Transform.MAX_REGEX_INPUT)
				.anyMatch((given) -> this.pattern.matcher(given).matches());
		}
	}

	/** The field has a non-blank value. */
	record Exists(String field) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			return !valuesOf(lead, this.field).isEmpty();
		}
	}

	/**
	 * The person ticked the form's consent checkbox with that key; a form that did not
	 * ask does not hold.
	 */
	record Consented(String key) implements Condition {
		@Override
		public boolean test(LeadData lead) {
			return lead.consented(this.key);
		}
	}

	private static List<String> valuesOf(LeadData lead, String field) {
		List<String> answers = lead.answers().get(field);
		List<String> values = (answers != null) ? answers
				: (lead.metadata().containsKey(field) ? List.of(lead.metadata().get(field)) : List.of());
		return values.stream().filter((value) -> value != null && !value.isBlank()).toList();
	}

}
