package io.leadrelay.delivery.hubspot;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.delivery.HttpReply;

/**
 * Calls HubSpot's contact batch upsert, one input per lead.
 */
final class HubSpotClient {

	static final String UPSERT_PATH = "/crm/v3/objects/contacts/batch/upsert";

	private final ObjectMapper json;

	private final ConnectorHttp http;

	HubSpotClient(ObjectMapper json, ConnectorTimeouts timeouts) {
		this.json = json;
		this.http = new ConnectorHttp("HubSpot", timeouts);
	}

	/**
	 * Upserts the contacts of leads that all go to one destination.
	 * @param requests the leads, each with its contact id in its payload
	 * @param idProperty the property that identifies a contact, such as {@code email}
	 */
	HttpReply upsert(List<DeliveryRequest> requests, String idProperty) {
		DeliveryRequest first = requests.get(0);
		String base = first.settings().getOrDefault("baseUrl", "https://api.hubapi.com").replaceAll("/+$", "");
		return this.http.send(HttpRequest.newBuilder(URI.create(base + UPSERT_PATH))
			.header("Authorization", "Bearer " + first.credentials().get("accessToken"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body(requests, idProperty))), "upserting contacts");
	}

	private String body(List<DeliveryRequest> requests, String idProperty) {
		ObjectNode root = this.json.createObjectNode();
		ArrayNode inputs = root.putArray("inputs");
		for (DeliveryRequest request : requests) {
			ObjectNode input = inputs.addObject();
			input.put("idProperty", idProperty);
			input.put("id", request.payload().get(idProperty));
			input.put("objectWriteTraceId", request.idempotencyKey());
			ObjectNode properties = input.putObject("properties");
			request.payload().forEach(properties::put);
		}
		return root.toString();
	}

}
