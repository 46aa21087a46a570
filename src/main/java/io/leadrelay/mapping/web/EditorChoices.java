package io.leadrelay.mapping.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.destination.CrmField;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.form.LeadForm;
import io.leadrelay.mapping.LeadData;
import io.leadrelay.page.PageView;

/**
 * What the editor's pickers offer for a draft: destinations, pages with their forms, the
 * chosen forms' questions, the destination's CRM fields, and the words for each choice.
 *
 * @param destinations every destination
 * @param pages every page with its kept forms
 * @param otherForms chosen forms of no listed page (not read yet), kept as they are
 * @param questions the questions of the chosen forms (of the chosen pages' forms when no
 * form is chosen), one per key
 * @param crmFields the destination's CRM fields, empty when none are kept
 * @param requiredUnmapped the CRM's required fields no row fills
 */
record EditorChoices(List<DestinationView> destinations, List<PageChoice> pages, List<String> otherForms,
		List<LeadForm.Question> questions, List<CrmField> crmFields, List<CrmField> requiredUnmapped) {

	static final Map<String, String> KINDS = ordered("answer", "Form answer", "meta", "Lead detail (metadata)",
			"constant", "Fixed value", "template", "Template (text with {{answer}} or {{campaign_name}})");

	static final Map<String, String> OPERATORS = ordered("equals", "is", "in", "is one of", "contains", "contains",
			"matches", "matches the pattern", "exists", "has a value");

	static final Map<String, String> TRANSFORMS = ordered("trim", "Trim spaces", "lower", "Lower case", "upper",
			"Upper case", "title", "Title case (Ana Lopez)", "e164", "Phone to international format (E.164)",
			"split_name", "First or last name from a full name", "value_map", "Replace values", "date",
			"Date in a pattern", "regex_extract", "Extract with a pattern", "truncate", "Shorten to N characters",
			"default", "Default value when empty");

	/** Lead details by name, in words. */
	static final Map<String, String> METADATA = metadataNames();

	public Map<String, String> kinds() {
		return KINDS;
	}

	public Map<String, String> operators() {
		return OPERATORS;
	}

	public Map<String, String> transforms() {
		return TRANSFORMS;
	}

	public Map<String, String> metadata() {
		return METADATA;
	}

	public boolean hasQuestion(String key) {
		return this.questions.stream().anyMatch((question) -> question.key().equals(key));
	}

	public boolean hasCrmField(String name) {
		return this.crmFields.stream().anyMatch((field) -> field.name().equals(name));
	}

	private static Map<String, String> metadataNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (String name : LeadData.METADATA) {
			String words = name.replace('_', ' ');
			names.put(name, Character.toUpperCase(words.charAt(0)) + words.substring(1));
		}
		return names;
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	/**
	 * A page with its kept forms.
	 *
	 * @param page the page
	 * @param chosen whether the mapping names it
	 * @param forms its kept forms, empty when none were read yet
	 * @param open whether its forms are shown: it is chosen, or one of its forms is
	 */
	record PageChoice(PageView page, boolean chosen, List<LeadForm> forms, boolean open) {
	}

}
