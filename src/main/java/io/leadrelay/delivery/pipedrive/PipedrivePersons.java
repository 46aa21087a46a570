package io.leadrelay.delivery.pipedrive;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a lead's payload into the body of a Pipedrive person: {@code name}, {@code email}
 * and {@code phone} are the person's own; {@code lead_title} belongs to the lead; every
 * other key is a person custom field key.
 */
final class PipedrivePersons {

	static final String NAME = "name";

	static final String EMAIL = "email";

	static final String PHONE = "phone";

	static final String LEAD_TITLE = "lead_title";

	private static final Set<String> NOT_CUSTOM = Set.of(NAME, EMAIL, PHONE, LEAD_TITLE);

	private final ObjectMapper json;

	PipedrivePersons(ObjectMapper json) {
		this.json = json;
	}

	/** A new person, with the lead's email and phone as primary ones. */
	ObjectNode toCreate(Map<String, String> payload) {
		ObjectNode person = common(payload);
		contact(person.putArray("emails"), payload.get(EMAIL), "work");
		String phone = payload.get(PHONE);
		if (present(phone)) {
			contact(person.putArray("phones"), phone, "mobile");
		}
		return person;
	}

	/**
	 * Changes to a person found by the lead's email: emails are left as they are; a phone
	 * the person does not have yet becomes the primary one, its other phones kept.
	 * @param found the person as the search returned it
	 */
	ObjectNode toUpdate(Map<String, String> payload, JsonNode found) {
		ObjectNode person = common(payload);
		String phone = payload.get(PHONE);
		if (present(phone) && !has(found.path("phones"), phone)) {
			ArrayNode phones = person.putArray("phones");
			contact(phones, phone, "mobile");
			for (JsonNode known : found.path("phones")) {
				String value = known.isObject() ? known.path("value").asText("") : known.asText("");
				if (!value.isBlank()) {
					phones.addObject().put("value", value).put("primary", false);
				}
			}
		}
		return person;
	}

	private ObjectNode common(Map<String, String> payload) {
		ObjectNode person = this.json.createObjectNode();
		person.put(NAME, present(payload.get(NAME)) ? payload.get(NAME) : payload.get(EMAIL));
		ObjectNode custom = this.json.createObjectNode();
		payload.forEach((key, value) -> {
			if (!NOT_CUSTOM.contains(key)) {
				custom.put(key, value);
			}
		});
		if (!custom.isEmpty()) {
			person.set("custom_fields", custom);
		}
		return person;
	}

	private static void contact(ArrayNode list, String value, String label) {
		list.addObject().put("value", value).put("primary", true).put("label", label);
	}

	private static boolean has(JsonNode phones, String phone) {
		for (JsonNode known : phones) {
			String value = known.isObject() ? known.path("value").asText("") : known.asText("");
			if (value.replaceAll("[^0-9+]", "").equals(phone.replaceAll("[^0-9+]", ""))) {
				return true;
			}
		}
		return false;
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
