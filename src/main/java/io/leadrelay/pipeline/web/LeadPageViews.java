package io.leadrelay.pipeline.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.pipeline.LeadRow;
import io.leadrelay.security.PersonalData;

/** What the leads pages show of a lead and its deliveries. */
final class LeadPageViews {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};

	private LeadPageViews() {
	}

	/** Who sent the lead, from its answers: a name and an email or phone number. */
	static Person person(String answersJson, boolean mayRead) {
		if (answersJson == null) {
			return new Person(null, null);
		}
		if (!mayRead) {
			return new Person(PersonalData.HIDDEN, null);
		}
		Map<String, List<String>> answers;
		try {
			answers = JSON.readValue(answersJson, ANSWERS);
		}
		catch (JsonProcessingException ex) {
			return new Person(null, null);
		}
		String name = first(answers, "full_name");
		if (name == null) {
			String joined = ((first(answers, "first_name") != null) ? first(answers, "first_name") : "") + " "
					+ ((first(answers, "last_name") != null) ? first(answers, "last_name") : "");
			name = joined.isBlank() ? null : joined.trim();
		}
		String contact = (first(answers, "email") != null) ? first(answers, "email") : first(answers, "phone_number");
		return new Person(name, contact);
	}

	static Delivery delivery(LeadJson.Delivery delivery) {
		return new Delivery(delivery, LeadWords.delivery(delivery.status()),
				(delivery.payload() != null) ? delivery.payload().toPrettyString() : "");
	}

	private static String first(Map<String, List<String>> answers, String field) {
		List<String> values = answers.get(field);
		return (values != null && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank())
				? values.get(0) : null;
	}

	/**
	 * A row of the leads list.
	 *
	 * @param lead the lead
	 * @param status its status in words
	 * @param person who sent it
	 */
	record ListedLead(LeadRow lead, LeadWords.Word status, Person person) {

	}

	/**
	 * Who sent a lead; both {@code null} until it is enriched.
	 *
	 * @param name their name, or {@value PersonalData#HIDDEN}
	 * @param contact their email or phone number
	 */
	record Person(String name, String contact) {

	}

	/**
	 * A delivery on the lead's page.
	 *
	 * @param delivery the delivery, payload as the viewer may read it
	 * @param status its status in words
	 * @param payload its payload, indented
	 */
	record Delivery(LeadJson.Delivery delivery, LeadWords.Word status, String payload) {

	}

}
