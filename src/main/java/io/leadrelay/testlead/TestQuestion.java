package io.leadrelay.testlead;

import java.util.Locale;
import io.leadrelay.delivery.Connector;

/**
 * A question a test lead answers, with the sample answer it starts with.
 *
 * @param key the answer's name, what a mapping's {@code answer:} names
 * @param label the question as the person saw it (the key when no form is known)
 * @param type Meta's type of question, such as {@code EMAIL}
 * @param sample the sample answer
 */
public record TestQuestion(String key, String label, String type, String sample) {

	/** The address of every test lead: example.com never receives mail. */
	public static final String TEST_EMAIL = Connector.TEST_EMAIL;

	static TestQuestion of(String key, String label, String type) {
		String kind = (type != null) ? type : guessType(key);
		return new TestQuestion(key, (label != null) ? label : key, kind, sample(kind));
	}

	static String sample(String type) {
		return switch (type) {
			case "EMAIL", "WORK_EMAIL" -> TEST_EMAIL;
			case "FULL_NAME" -> "Test Lead";
			case "FIRST_NAME" -> "Test";
			case "LAST_NAME" -> "Lead";
			case "PHONE", "WORK_PHONE_NUMBER" -> "+4930123456789";
			case "CITY" -> "Berlin";
			case "COUNTRY" -> "DE";
			case "ZIP", "POST_CODE" -> "10115";
			default -> "test";
		};
	}

	/**
	 * A question known only by a mapping's answer name: its type guessed from the name.
	 */
	private static String guessType(String key) {
		String name = key.toLowerCase(Locale.ROOT);
		if (name.contains("email")) {
			return "EMAIL";
		}
		if (name.contains("phone")) {
			return "PHONE";
		}
		if (name.equals("full_name") || name.equals("name")) {
			return "FULL_NAME";
		}
		if (name.equals("first_name")) {
			return "FIRST_NAME";
		}
		if (name.equals("last_name")) {
			return "LAST_NAME";
		}
		return "CUSTOM";
	}

}
