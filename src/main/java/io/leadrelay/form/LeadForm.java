package io.leadrelay.form;

import java.time.Instant;
import java.util.List;

/**
 * A page's lead form as Meta last described it.
 *
 * @param formId the form's id
 * @param pageId the page it belongs to
 * @param name its name in Meta's Ads Manager
 * @param status {@code ACTIVE}, {@code ARCHIVED}, ...
 * @param locale its language, such as {@code en_US}
 * @param questions its questions, in the form's order
 * @param fetchedAt when it was read from Meta
 */
public record LeadForm(String formId, String pageId, String name, String status, String locale,
		List<Question> questions, Instant fetchedAt) {

	public LeadForm {
		questions = List.copyOf(questions);
	}

	/**
	 * One question of a form.
	 *
	 * @param key the answer's name in a lead ({@code field_data[].name}), what a
	 * mapping's {@code answer:} names
	 * @param label the question as the person saw it
	 * @param type Meta's type, such as {@code EMAIL}, {@code FULL_NAME} or {@code CUSTOM}
	 */
	public record Question(String key, String label, String type) {
	}

}
