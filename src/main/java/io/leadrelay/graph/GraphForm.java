package io.leadrelay.graph;

import java.util.List;

/**
 * A page's lead form as {@code /{page-id}/leadgen_forms} lists it.
 *
 * @param formId the form's id
 * @param name its name
 * @param status {@code ACTIVE}, {@code ARCHIVED}, ...
 * @param locale its language, such as {@code en_US}
 * @param questions its questions, in order
 */
public record GraphForm(String formId, String name, String status, String locale, List<Question> questions) {

	public GraphForm {
		questions = List.copyOf(questions);
	}

	/**
	 * One question; its key is the name answers carry.
	 *
	 * @param key the answer's name in a lead
	 * @param label what the person read
	 * @param type Meta's question type, such as EMAIL or CUSTOM
	 */
	public record Question(String key, String label, String type) {
	}

}
