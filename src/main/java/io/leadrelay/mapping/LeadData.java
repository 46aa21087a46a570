package io.leadrelay.mapping;

import java.util.List;
import java.util.Map;

/**
 * What a mapping reads of a lead.
 *
 * @param answers the form answers by question key, in form order; a multiple-choice
 * question may have several values
 * @param metadata what Meta says about the lead: {@code leadgen_id}, {@code page_id},
 * {@code form_id}, {@code form_name}, {@code ad_id}, {@code ad_name}, {@code adset_id},
 * {@code adset_name}, {@code campaign_id}, {@code campaign_name}, {@code platform},
 * {@code is_organic}, {@code created_time}, {@code is_test} ({@code true} for a test lead
 * sent by a person, so that a mapping can mark it in the CRM), and per consent checkbox
 * of the form {@code consent.<key>} ({@link #CONSENT_PREFIX})
 */
public record LeadData(Map<String, List<String>> answers, Map<String, String> metadata) {

	/** The metadata a lead may have, in the order LeadRelay fills it. */
	public static final List<String> METADATA = List.of("leadgen_id", "page_id", "form_id", "form_name", "ad_id",
			"ad_name", "adset_id", "adset_name", "campaign_id", "campaign_name", "platform", "is_organic",
			"created_time", "is_test");

	/**
	 * Metadata named with this and a consent checkbox's key, such as
	 * {@code consent.marketing_optin}, says whether the person ticked it: {@code true} or
	 * {@code false}; absent when the form did not ask.
	 */
	public static final String CONSENT_PREFIX = "consent.";

	/** Values of a multiple-choice answer are joined with this. */
	public static final String VALUE_SEPARATOR = ";";

	public LeadData {
		answers = Map.copyOf(answers);
		metadata = Map.copyOf(metadata);
	}

	/** The answer as one string (values joined), or {@code null} when not answered. */
	public String answer(String name) {
		List<String> values = this.answers.get(name);
		return (values == null || values.isEmpty()) ? null : String.join(VALUE_SEPARATOR, values);
	}

	/** Whether the person ticked the consent checkbox with that key. */
	public boolean consented(String key) {
		return "true".equals(this.metadata.get(CONSENT_PREFIX + key));
	}

	/**
	 * An answer, or else the metadata of that name: what conditions and templates read.
	 */
	public String value(String name) {
		String answer = answer(name);
		return (answer != null) ? answer : this.metadata.get(name);
	}

	@Override
	public String toString() {
		return "LeadData[answers=" + this.answers.keySet() + ", metadata=" + this.metadata + "]";
	}

}
