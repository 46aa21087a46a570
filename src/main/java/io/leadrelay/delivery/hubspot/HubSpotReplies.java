package io.leadrelay.delivery.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryOutcome.CredentialsRejected;
import io.leadrelay.delivery.DeliveryOutcome.Delivered;
import io.leadrelay.delivery.DeliveryOutcome.Permanent;
import io.leadrelay.delivery.DeliveryOutcome.Retry;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.delivery.HttpReply;
import io.leadrelay.delivery.HttpReply.Replied;
import io.leadrelay.delivery.RetryDelays;

/**
 * Reads HubSpot's reply to a batch upsert into one outcome per lead. Only a batch whose
 * {@code status} is {@code COMPLETE} delivers anything; a result or error counts for a
 * lead only when it names the lead's {@code objectWriteTraceId} or its {@code idProperty}
 * value (email compared ignoring case), never by its position or by being the only one. A
 * lead the answer does not name is retried, never marked delivered.
 */
final class HubSpotReplies {

	static final String INTERVAL_HEADER = "X-HubSpot-RateLimit-Interval-Milliseconds";

	private static final String COMPLETE = "COMPLETE";

	private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

	private final ObjectMapper json;

	private final Clock clock;

	HubSpotReplies(ObjectMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	List<DeliveryOutcome> read(HttpReply reply, List<DeliveryRequest> requests, String idProperty) {
		if (reply instanceof HttpReply.NoReply none) {
			return Collections.nCopies(requests.size(), none.outcome());
		}
		Replied replied = (Replied) reply;
		int status = replied.status();
		if (status == 200 || status == 201 || status == 207) {
			JsonNode body = parse(replied.body());
			String batchStatus = text(body, "status").orElse("missing");
			if (!COMPLETE.equals(batchStatus)) {
				return Collections.nCopies(requests.size(),
						Retry.transientFailure(
								"HubSpot's batch status is " + batchStatus + ", not COMPLETE; the leads are sent again",
								status));
			}
			List<DeliveryOutcome> outcomes = new ArrayList<>();
			for (DeliveryRequest request : requests) {
				outcomes.add(perInput(body, status, request, idProperty));
			}
			return outcomes;
		}
		return Collections.nCopies(requests.size(), whole(replied));
	}

	/** The outcome of a reply that is about the whole call. */
	DeliveryOutcome whole(Replied replied) {
		int status = replied.status();
		JsonNode body = parse(replied.body());
		String message = text(body, "message").orElse("HubSpot answered " + status);
		if (status == 401 || status == 403) {
			return new CredentialsRejected("HubSpot refused the access token: " + ConnectorHttp.shorten(message),
					status);
		}
		if (status == 429) {
			return throttled(replied, body);
		}
		if (status >= 500 || status < 400) {
			return Retry.transientFailure("HubSpot answered " + status, status);
		}
		return new Permanent(ConnectorHttp.shorten(message), status, errorCode(body));
	}

	private DeliveryOutcome perInput(JsonNode body, int status, DeliveryRequest request, String idProperty) {
		String traceId = request.idempotencyKey();
		String id = request.payload().get(idProperty);
		Predicate<String> sameId = "email".equalsIgnoreCase(idProperty) ? id::equalsIgnoreCase : id::equals;
		Optional<JsonNode> result = find(body.path("results"), (node) -> names(node, traceId, idProperty, sameId));
		if (result.isPresent()) {
			Optional<String> recordId = text(result.get(), "id");
			if (recordId.isEmpty()) {
				return Retry.transientFailure("HubSpot's result for this lead had no record id; sent again", status);
			}
			String verb = result.get().path("new").asBoolean(false) ? "created" : "updated";
			return new Delivered(recordId.get(), status, verb);
		}
		Optional<JsonNode> error = find(body.path("errors"), (node) -> mentions(node.path("context"), traceId, sameId));
		if (error.isPresent()) {
			return inputError(error.get(), status);
		}
		return Retry.transientFailure(
				"HubSpot's answer named neither this lead's objectWriteTraceId nor its " + idProperty + "; sent again",
				status);
	}

	/**
	 * Whether a result is this lead's: by its trace id when it carries one, else by the
	 * value of the id property.
	 */
	private static boolean names(JsonNode result, String traceId, String idProperty, Predicate<String> sameId) {
		Optional<String> trace = text(result, "objectWriteTraceId");
		if (trace.isPresent()) {
			return trace.get().equals(traceId);
		}
		return text(result.path("properties"), idProperty).filter(sameId).isPresent();
	}

	private DeliveryOutcome inputError(JsonNode error, int status) {
		String category = text(error, "category").orElse("");
		String message = ConnectorHttp.shorten(text(error, "message").orElse("HubSpot refused this contact"));
		return switch (category) {
			case "RATE_LIMITS" -> Retry.throttled(DEFAULT_INTERVAL, "HubSpot rate limit: " + message, status, category);
			case "INVALID_AUTHENTICATION", "MISSING_SCOPES" ->
				new CredentialsRejected("HubSpot refused the access token: " + message, status);
			default -> new Permanent(message, status, errorCode(error));
		};
	}

	private Retry throttled(Replied replied, JsonNode body) {
		String policy = text(body, "policyName").orElse(null);
		String message = ConnectorHttp.shorten(text(body, "message").orElse("HubSpot rate limit reached"));
		String code = (policy != null) ? policy : text(body, "errorType").orElse(null);
		if ("DAILY".equals(policy)) {
			return Retry.throttled(RetryDelays.untilMidnightUtc(this.clock), message
					+ " Waiting until the daily limit resets at " + RetryDelays.nextMidnightUtc(this.clock) + ".", 429,
					code);
		}
		Duration after = RetryDelays.retryAfter(replied, this.clock)
			.or(() -> RetryDelays.numberHeader(replied, INTERVAL_HEADER).map(Duration::ofMillis))
			.orElse(DEFAULT_INTERVAL);
		return Retry.throttled(after, message, 429, code);
	}

	/** The category, with the first detailed code after a slash when there is one. */
	private static String errorCode(JsonNode body) {
		Optional<String> category = text(body, "category");
		Optional<String> code = text(body.path("errors").path(0), "code").or(() -> text(body, "error"));
		if (category.isPresent() && code.isPresent()) {
			return category.get() + "/" + code.get();
		}
		return category.or(() -> code).orElse(null);
	}

	/** Whether an error's context names the lead's trace id or its id value. */
	private static boolean mentions(JsonNode node, String traceId, Predicate<String> sameId) {
		if (node.isValueNode()) {
			return node.asText().equals(traceId) || sameId.test(node.asText());
		}
		for (JsonNode child : node) {
			if (mentions(child, traceId, sameId)) {
				return true;
			}
		}
		return false;
	}

	private static Optional<JsonNode> find(JsonNode array, Predicate<JsonNode> test) {
		for (JsonNode node : array) {
			if (test.test(node)) {
				return Optional.of(node);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
	}

	private JsonNode parse(String body) {
		try {
			JsonNode node = (body == null || body.isBlank()) ? null : this.json.readTree(body);
			return (node != null) ? node : MissingNode.getInstance();
		}
		catch (JsonProcessingException ex) {
			return MissingNode.getInstance();
		}
	}

}
