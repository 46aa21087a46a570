package io.leadrelay.delivery.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON body of a Lead upsert: the mapped fields as they are, with {@code LastName}
 * and {@code Company} (which Salesforce requires) set to {@value #NOT_PROVIDED} when the
 * mapping gave none or a blank one. The external id field is left out: its value travels
 * in the URL.
 *
 * @param json the body
 * @param defaulted the required fields that were filled in, in order
 */
record SalesforceLeadBody(String json, List<String> defaulted) {

	static final String NOT_PROVIDED = "[not provided]";

	static final List<String> REQUIRED = List.of("LastName", "Company");

	static SalesforceLeadBody of(Map<String, String> payload, String externalIdField, ObjectMapper json) {
		ObjectNode body = json.createObjectNode();
		payload.forEach((name, value) -> {
			if (!name.equals(externalIdField)) {
				body.put(name, value);
			}
		});
		List<String> defaulted = new ArrayList<>();
		for (String field : REQUIRED) {
			String value = payload.get(field);
			if (value == null || value.isBlank()) {
				body.put(field, NOT_PROVIDED);
				defaulted.add(field);
			}
		}
		return new SalesforceLeadBody(body.toString(), List.copyOf(defaulted));
	}

	@Override
	public String toString() {
		return "SalesforceLeadBody[defaulted=" + this.defaulted + "]";
	}

}
