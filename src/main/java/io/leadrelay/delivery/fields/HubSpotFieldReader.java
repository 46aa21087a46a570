package io.leadrelay.delivery.fields;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.HttpReply;
import io.leadrelay.delivery.NetworkGuard;
import io.leadrelay.destination.CrmField;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HubSpot's contact properties: {@code GET {baseUrl}/crm/v3/properties/contacts}. Hidden
 * properties are left out; calculated ones and those HubSpot sets itself
 * ({@code modificationMetadata.readOnlyValue}) are read-only. HubSpot's API requires no
 * property of a contact, but a destination upserts contacts by its {@code idProperty}
 * (email by default), so that one is required.
 */
@Component
class HubSpotFieldReader implements FieldReader {

	static final String PATH = "/crm/v3/properties/contacts";

	private final ConnectorHttp http;

	private final ObjectMapper json;

	@Autowired
	HubSpotFieldReader(ObjectMapper json, NetworkGuard guard) {
		this(json, ConnectorTimeouts.DEFAULT.guardedBy(guard));
	}

	HubSpotFieldReader(ObjectMapper json, ConnectorTimeouts timeouts) {
		this.http = new ConnectorHttp("HubSpot", timeouts);
		this.json = json;
	}

	@Override
	public String type() {
		return "hubspot";
	}

	@Override
	public List<CrmField> read(String destinationId, Map<String, String> settings, Map<String, String> credentials) {
		String base = settings.getOrDefault("baseUrl", "https://api.hubapi.com").replaceAll("/+$", "");
		HttpReply reply = this.http.send(HttpRequest.newBuilder(URI.create(base + PATH))
			.header("Authorization", "Bearer " + credentials.getOrDefault("accessToken", ""))
			.GET(), "reading the contact properties");
		if (reply instanceof HttpReply.NoReply none) {
			throw FieldReadException.noReply(none);
		}
		HttpReply.Replied replied = (HttpReply.Replied) reply;
		JsonNode body = Json.read(this.json, replied.body());
		if (!replied.successful()) {
			throw FieldReadException.answered("HubSpot", replied.status(), body.path("message").asText(null));
		}
		String idProperty = settings.getOrDefault("idProperty", "email");
		List<CrmField> fields = new ArrayList<>();
		for (JsonNode property : body.path("results")) {
			if (property.path("hidden").asBoolean(false)) {
				continue;
			}
			String name = property.path("name").asText();
			boolean readOnly = property.path("calculated").asBoolean(false)
					|| property.path("modificationMetadata").path("readOnlyValue").asBoolean(false);
			List<String> options = new ArrayList<>();
			property.path("options").forEach((option) -> {
				if (!option.path("hidden").asBoolean(false)) {
					options.add(option.path("value").asText());
				}
			});
			fields.add(new CrmField(name, property.path("label").asText(name), type(property), name.equals(idProperty),
					readOnly, options));
		}
		fields.sort(Comparator.comparing(CrmField::label, String.CASE_INSENSITIVE_ORDER));
		return Fields.inOrder(fields);
	}

	/** HubSpot's data type, told apart where its field type says more. */
	private static String type(JsonNode property) {
		String type = property.path("type").asText("string");
		String fieldType = property.path("fieldType").asText("");
		if ("phonenumber".equals(fieldType)) {
			return "phone number";
		}
		return type;
	}

}
