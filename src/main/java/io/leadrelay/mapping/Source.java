package io.leadrelay.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a CRM field's value comes from.
 */
public sealed interface Source {

	/** The value, or {@code null} when the lead has none. */
	String read(LeadData lead);

	/** A form answer by its question key. */
	record Answer(String name) implements Source {
		@Override
		public String read(LeadData lead) {
			return lead.answer(this.name);
		}
	}

	/** What Meta says about the lead, such as {@code campaign_name}. */
	record Meta(String key) implements Source {
		@Override
		public String read(LeadData lead) {
			return lead.metadata().get(this.key);
		}
	}

	/** A fixed value. */
	record Constant(String value) implements Source {
		@Override
		public String read(LeadData lead) {
			return this.value;
		}
	}

	/**
	 * Text with placeholders naming answers or metadata: {@code {{first_name}}
	 * {{last_name}}}. A placeholder the lead has no value for becomes empty.
	 */
	record Template(String text) implements Source {

		private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

		@Override
		public String read(LeadData lead) {
			Matcher matcher = PLACEHOLDER.matcher(this.text);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				String value = lead.value(matcher.group(1));
				matcher.appendReplacement(out, Matcher.quoteReplacement((value != null) ? value : ""));
			}
			matcher.appendTail(out);
			String result = out.toString().strip().replaceAll("\\s{2,}", " ");
			return result.isEmpty() ? null : result;
		}
	}

}
