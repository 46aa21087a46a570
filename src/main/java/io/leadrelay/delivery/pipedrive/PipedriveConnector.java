package io.leadrelay.delivery.pipedrive;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrelay.delivery.Connector;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.CrmErasureRequest;
import io.leadrelay.delivery.CrmErasures.CrmErasure;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryOutcome.CredentialsRejected;
import io.leadrelay.delivery.DeliveryOutcome.Delivered;
import io.leadrelay.delivery.DeliveryOutcome.Permanent;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.delivery.NetworkGuard;
import io.leadrelay.delivery.pipedrive.PipedriveReplies.Result;
import io.leadrelay.delivery.pipedrive.PipedriveClient.Account;
import io.leadrelay.destination.spi.DestinationFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends leads to Pipedrive: finds the person by email and updates it, or creates it, one
 * person per destination and email ({@link PipedrivePersonUpserts}); then creates a lead
 * for that person, unless the person already has this lead. A lead is recognised by its
 * {@code origin_id}, which holds the delivery's idempotency key (by its title for leads
 * that carry no {@code origin_id}), so a retry never makes a second one.
 */
@Component
class PipedriveConnector implements Connector {

	private final PipedriveClient client;

	private final PipedriveReplies replies;

	private final PipedrivePersonUpserts persons;

	private final ObjectMapper json;

	private final PipedriveErasures erasures;

	@Autowired
	PipedriveConnector(ObjectMapper json, Clock clock, PipedrivePersonTable personTable, NetworkGuard guard) {
		this(json, clock, ConnectorTimeouts.DEFAULT.guardedBy(guard), personTable);
	}

	PipedriveConnector(ObjectMapper json, Clock clock, PipedrivePersonTable personTable) {
		this(json, clock, ConnectorTimeouts.DEFAULT, personTable);
	}

	PipedriveConnector(ObjectMapper json, Clock clock, ConnectorTimeouts timeouts, PipedrivePersonTable personTable) {
		this.client = new PipedriveClient(timeouts);
		this.replies = new PipedriveReplies(json, clock);
		// A claim outlasts its two calls (search, create), each cut at the request
		// timeout.
		this.persons = new PipedrivePersonUpserts(this.client, this.replies, new PipedrivePersons(json),
				new PersonClaims(personTable, clock, timeouts.request().multipliedBy(3)));
		this.json = json;
		this.erasures = new PipedriveErasures(this.client, this.replies, personTable);
	}

	@Override
	public String code() {
		return "pipedrive";
	}

	@Override
	public Map<String, String> settings(Map<String, String> given) {
		return DestinationFields.settings(given, Set.of("baseUrl"))
			.withDefault("baseUrl", "https://api.pipedrive.com")
			.url("baseUrl")
			.values();
	}

	@Override
	public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		DestinationFields.credentials(credentials, Set.of("apiToken"));
	}

	@Override
	public double defaultRateLimit() {
		return 8;
	}

	@Override
	public Map<String, String> testPayload() {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("name", "LeadRelay test lead");
		payload.put("email", TEST_EMAIL);
		payload.put("lead_title", "LeadRelay test lead");
		return payload;
	}

	@Override
	public Optional<CrmErasure> erase(CrmErasureRequest request) {
		return Optional.of(this.erasures.erase(request));
	}

	@Override
	public DeliveryOutcome deliver(DeliveryRequest request) {
		String token = request.credentials().get("apiToken");
		if (!PipedrivePersons.present(token)) {
			return new CredentialsRejected("The destination has no Pipedrive API token", null);
		}
		String email = request.payload().get(PipedrivePersons.EMAIL);
		if (!PipedrivePersons.present(email)) {
			return new Permanent("The lead has no 'email' field; Pipedrive persons are found by email", null,
					"MISSING_EMAIL");
		}
		Account account = new Account(request.settings().getOrDefault("baseUrl", "https://api.pipedrive.com"), token);
		PipedrivePersonUpserts.Saved person = this.persons.upsert(account, request.destinationId(), request.payload());
		if (person.isFailed()) {
			return person.failure();
		}
		return lead(account, request, person.personId(), person.description());
	}

	private DeliveryOutcome lead(Account account, DeliveryRequest request, long personId, String person) {
		String title = title(request);
		Result leads = this.replies.read(this.client.leadsOf(account, personId), "listing the person's leads");
		if (leads.failed()) {
			return leads.failure();
		}
		for (JsonNode lead : leads.data()) {
			if (sameLead(lead, request.idempotencyKey(), title)) {
				return new Delivered(lead.path("id").asText(null), 200, person + "; lead already there");
			}
		}
		ObjectNode body = this.json.createObjectNode()
			.put("title", title)
			.put("person_id", personId)
			.put("origin_id", request.idempotencyKey());
		Result created = this.replies.read(this.client.createLead(account, body), "creating the lead");
		if (created.failed()) {
			return created.failure();
		}
		return new Delivered(created.data().path("id").asText(null), 201, person + "; lead created");
	}

	private static boolean sameLead(JsonNode lead, String idempotencyKey, String title) {
		JsonNode origin = lead.path("origin_id");
		if (origin.isTextual() && !origin.asText().isBlank()) {
			return origin.asText().equals(idempotencyKey);
		}
		return title.equals(lead.path("title").asText());
	}

	private static String title(DeliveryRequest request) {
		Map<String, String> payload = request.payload();
		String title = payload.get(PipedrivePersons.LEAD_TITLE);
		return PipedrivePersons.present(title) ? title : "Facebook lead " + request.leadgenId();
	}

}
