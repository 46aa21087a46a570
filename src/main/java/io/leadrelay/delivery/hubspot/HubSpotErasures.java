package io.leadrelay.delivery.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.CrmErasureRequest;
import io.leadrelay.delivery.CrmErasures.CrmErasure;
import io.leadrelay.delivery.CrmErasures.CrmErasure.Outcome;
import io.leadrelay.delivery.HttpReply;

/**
 * Deletes a person's contact with HubSpot's GDPR delete: by the contact id a delivery
 * kept, else by the email. HubSpot answers 204 when it deleted the contact, and also when
 * it had no contact with the email (it then blocks the address), and 404 for an unknown
 * contact id.
 */
final class HubSpotErasures {

	private final HubSpotClient client;

	private final ObjectMapper json;

	HubSpotErasures(HubSpotClient client, ObjectMapper json) {
		this.client = client;
		this.json = json;
	}

	CrmErasure erase(CrmErasureRequest request) {
		String token = request.credentials().get("accessToken");
		if (token == null || token.isBlank()) {
			return outcome(request, Outcome.FAILED, "The destination has no HubSpot access token; add one and erase "
					+ "again, or delete the contact in HubSpot by hand.");
		}
		String id = request.crmRecordId();
		if (id == null && request.email() == null) {
			return outcome(request, Outcome.LEFT_TO_OPERATOR,
					"LeadRelay knows neither the HubSpot contact nor its email; find and delete it in HubSpot by hand.");
		}
		boolean byEmail = id == null;
		String contact = byEmail ? "the contact with the person's email" : "contact " + id;
		HttpReply reply = this.client.gdprDelete(request.settings(), token, byEmail ? request.email() : id, byEmail);
		if (reply instanceof HttpReply.NoReply none) {
			return outcome(request, Outcome.FAILED,
					none.reason() + "; erase again later, or delete " + contact + " in HubSpot by hand.");
		}
		HttpReply.Replied replied = (HttpReply.Replied) reply;
		int status = replied.status();
		if (replied.successful()) {
			return outcome(request, Outcome.DELETED, byEmail
					? "HubSpot deleted the contact with the person's email for good (or, having none, blocked the email)."
					: "HubSpot deleted contact " + id + " for good.");
		}
		if (status == 404) {
			return outcome(request, Outcome.NOT_FOUND, "HubSpot has no " + contact + " (any more).");
		}
		String said = message(replied.body());
		if (status == 401 || status == 403) {
			return outcome(request, Outcome.FAILED,
					"HubSpot refused the access token (" + status + said
							+ "); the token needs the crm.objects.contacts.write scope. Delete " + contact
							+ " in HubSpot by hand, or fix the token and erase again.");
		}
		return outcome(request, Outcome.FAILED, "HubSpot answered " + status + said + " while deleting " + contact
				+ "; erase again later, or delete it in HubSpot by hand.");
	}

	private String message(String body) {
		try {
			JsonNode node = (body == null || body.isBlank()) ? null : this.json.readTree(body);
			String message = (node != null) ? node.path("message").asText("") : "";
			return message.isBlank() ? "" : ": " + ConnectorHttp.shorten(message);
		}
		catch (JsonProcessingException ex) {
			return "";
		}
	}

	private static CrmErasure outcome(CrmErasureRequest request, Outcome outcome, String message) {
		return new CrmErasure(request.record(), outcome, message);
	}

}
