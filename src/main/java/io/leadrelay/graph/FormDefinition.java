package io.leadrelay.graph;

import java.util.List;

/**
 * A lead form: its name and questions.
 *
 * @param formId the form's id
 * @param name its name
 * @param questions its questions, in order
 */
record FormDefinition(String formId, String name, List<Question> questions) {

	/**
	 * One question; its key is the name answers carry.
	 *
	 * @param key the answer's name in a lead
	 * @param label what the person read
	 * @param type Meta's question type, such as EMAIL or CUSTOM
	 */
	record Question(String key, String label, String type) {
	}

}
