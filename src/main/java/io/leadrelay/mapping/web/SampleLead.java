package io.leadrelay.mapping.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leadrelay.form.LeadForm;
import io.leadrelay.mapping.LeadData;

/**
 * A made-up lead for the preview when no real lead of the chosen forms is kept yet: one
 * plausible answer per question of the first form, and sample campaign details.
 */
final class SampleLead {

	private SampleLead() {
	}

	static LeadData of(List<LeadForm> forms, Instant now) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		LeadForm form = forms.isEmpty() ? null : forms.get(0);
		if (form != null) {
			form.questions().forEach((question) -> answers.put(question.key(), List.of(answer(question))));
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("leadgen_id", "sample");
		if (form != null) {
			metadata.put("page_id", form.pageId());
			metadata.put("form_id", form.formId());
			metadata.put("form_name", form.name());
		}
		metadata.put("ad_name", "Sample ad");
		metadata.put("adset_name", "Sample ad set");
		metadata.put("campaign_name", "Sample campaign");
		metadata.put("platform", "fb");
		metadata.put("is_organic", "false");
		metadata.put("created_time", now.toString());
		return new LeadData(answers, metadata);
	}

	static String answer(LeadForm.Question question) {
		String type = (question.type() != null) ? question.type().toUpperCase(Locale.ROOT) : "";
		return switch (type) {
			case "EMAIL", "WORK_EMAIL" -> "ana.lopez@example.com";
			case "FULL_NAME" -> "Ana Lopez";
			case "FIRST_NAME" -> "Ana";
			case "LAST_NAME" -> "Lopez";
			case "PHONE", "WORK_PHONE_NUMBER" -> "+4915123456789";
			case "CITY" -> "Berlin";
			case "COUNTRY" -> "DE";
			case "ZIP", "POST_CODE" -> "10115";
			case "STREET_ADDRESS" -> "Example Street 1";
			case "COMPANY_NAME" -> "Example GmbH";
			case "JOB_TITLE" -> "Head of Marketing";
			case "DATE_OF_BIRTH" -> "1990-05-17";
			default -> "sample answer";
		};
	}

}
