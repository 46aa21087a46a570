package io.leadrelay.delivery.fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a CRM's reply; a reply that is not JSON reads as nothing. */
final class Json {

	private Json() {
	}

	static JsonNode read(ObjectMapper json, String body) {
		if (body == null || body.isBlank()) {
			return json.missingNode();
		}
		try {
			return json.readTree(body);
		}
		catch (JsonProcessingException ex) {
			return json.missingNode();
		}
	}

}
