package io.leadrelay.delivery.hubspot;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;

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

	static final String GDPR_DELETE_PATH = "/crm/v3/objects/contacts/gdpr-delete";

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

	/**
	 * Asks HubSpot to delete a contact for good (GDPR delete), by its id or else by its
	 * email (HubSpot then blocks an email it has no contact for).
	 */
	HttpReply gdprDelete(Map<String, String> settings, String accessToken, String objectId, boolean byEmail) {
		String base = settings.getOrDefault("baseUrl", "https://api.hubapi.com").replaceAll("/+$", "");
		ObjectNode body = this.json.createObjectNode().put("objectId", objectId);
		if (byEmail) {
			body.put("idProperty", "email");
		}
		return this.http.send(HttpRequest.newBuilder(URI.create(base + GDPR_DELETE_PATH))
			.header("Authorization", "Bearer " + accessToken)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body.toString())), "deleting the contact");
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
