package io.leadrelay.delivery.hubspot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.Connector;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.CrmErasureRequest;
import io.leadrelay.delivery.CrmErasures.CrmErasure;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryOutcome.CredentialsRejected;
import io.leadrelay.delivery.DeliveryOutcome.Permanent;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.delivery.HttpReply;
import io.leadrelay.delivery.NetworkGuard;
import io.leadrelay.destination.spi.DestinationFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends leads to HubSpot as contacts through the batch upsert, identified by the
 * destination's {@code idProperty} (email by default), up to {@value #BATCH_LIMIT} per
 * call. The lead's idempotency key travels as the input's {@code objectWriteTraceId}, by
 * which HubSpot's per-input results and errors are matched back to leads (see
 * {@link HubSpotReplies}).
 */
@Component
class HubSpotConnector implements Connector {

	static final int BATCH_LIMIT = 100;

	private final HubSpotClient client;

	private final HubSpotReplies replies;

	private final HubSpotErasures erasures;

	@Autowired
	HubSpotConnector(ObjectMapper json, Clock clock, NetworkGuard guard) {
		this(json, clock, ConnectorTimeouts.DEFAULT.guardedBy(guard));
	}

	HubSpotConnector(ObjectMapper json, Clock clock) {
		this(json, clock, ConnectorTimeouts.DEFAULT);
	}

	HubSpotConnector(ObjectMapper json, Clock clock, ConnectorTimeouts timeouts) {
		this.client = new HubSpotClient(json, timeouts);
		this.replies = new HubSpotReplies(json, clock);
		this.erasures = new HubSpotErasures(this.client, json);
	}

	@Override
	public String code() {
		return "hubspot";
	}

	@Override
	public Map<String, String> settings(Map<String, String> given) {
		return DestinationFields.settings(given, Set.of("baseUrl", "idProperty"))
			.withDefault("baseUrl", "https://api.hubapi.com")
			.withDefault("idProperty", "email")
			.url("baseUrl")
			.values();
	}

	@Override
	public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		DestinationFields.credentials(credentials, Set.of("accessToken"));
	}

	@Override
	public double defaultRateLimit() {
		return 9;
	}

	@Override
	public Map<String, String> testPayload() {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("email", TEST_EMAIL);
		payload.put("firstname", "LeadRelay");
		payload.put("lastname", "Test lead");
		return payload;
	}

	@Override
	public Optional<CrmErasure> erase(CrmErasureRequest request) {
		return Optional.of(this.erasures.erase(request));
	}

	@Override
	public int maxBatchSize() {
		return BATCH_LIMIT;
	}

	@Override
	public DeliveryOutcome deliver(DeliveryRequest request) {
		return deliverAll(List.of(request)).get(0);
	}

	@Override
	public List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
		DeliveryOutcome[] outcomes = new DeliveryOutcome[requests.size()];
		if (requests.isEmpty()) {
			return List.of();
		}
		String token = requests.get(0).credentials().get("accessToken");
		if (token == null || token.isBlank()) {
			Arrays.fill(outcomes, new CredentialsRejected("The destination has no HubSpot access token", null));
			return List.of(outcomes);
		}
		String idProperty = requests.get(0).settings().getOrDefault("idProperty", "email");
		List<Batch> batches = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			String id = requests.get(i).payload().get(idProperty);
			if (id == null || id.isBlank()) {
				outcomes[i] = new Permanent("The lead has no value for the HubSpot id property '" + idProperty
						+ "'; map a lead field to '" + idProperty + "'", null, "MISSING_ID_PROPERTY");
			}
			else {
				place(batches, i, id.toLowerCase(Locale.ROOT));
			}
		}
		for (Batch batch : batches) {
			List<DeliveryRequest> inputs = batch.indexes.stream().map(requests::get).toList();
			List<DeliveryOutcome> results = upsert(inputs, idProperty);
			for (int k = 0; k < inputs.size(); k++) {
				outcomes[batch.indexes.get(k)] = results.get(k);
			}
		}
		return List.of(outcomes);
	}

	private List<DeliveryOutcome> upsert(List<DeliveryRequest> inputs, String idProperty) {
		HttpReply reply = this.client.upsert(inputs, idProperty);
		if (inputs.size() > 1 && reply instanceof HttpReply.Replied replied
				&& (replied.status() == 400 || replied.status() == 409)) {
			// HubSpot refused the whole batch for what may be one bad lead: find which.
			return inputs.stream().map((input) -> upsert(List.of(input), idProperty).get(0)).toList();
		}
		return this.replies.read(reply, inputs, idProperty);
	}

	/**
	 * HubSpot refuses a batch naming one contact twice, so such leads go in later calls.
	 */
	private static void place(List<Batch> batches, int index, String id) {
		for (Batch batch : batches) {
			if (batch.indexes.size() < BATCH_LIMIT && batch.ids.add(id)) {
				batch.indexes.add(index);
				return;
			}
		}
		Batch batch = new Batch(new ArrayList<>(), new HashSet<>());
		batch.indexes.add(index);
		batch.ids.add(id);
		batches.add(batch);
	}

	private record Batch(List<Integer> indexes, Set<String> ids) {

	}

}
