package io.leadrelay.delivery.salesforce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.delivery.DeliveryOutcome;

/**
 * What Salesforce's replies mean for a delivery (protocols.md, 7.1 and 7.3). The token
 * endpoint answers {@code {"error", "error_description"}}; the REST API an array of
 * {@code {message, errorCode, fields}}.
 */
final class SalesforceErrors {

	/**
	 * How long to wait after {@code REQUEST_LIMIT_EXCEEDED}: the org's API allowance is a
	 * rolling 24 hours, so asking again every hour is enough.
	 */
	static final Duration REQUEST_LIMIT_BACKOFF = Duration.ofHours(1);

	static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

	private SalesforceErrors() {
	}

	/** The session a token endpoint reply gives, or the outcome to report. */
	static SalesforceSession tokenResponse(int status, JsonNode body) {
		if (status == 200) {
			String accessToken = body.path("access_token").asText("");
			String instanceUrl = body.path("instance_url").asText("");
			if (accessToken.isEmpty() || instanceUrl.isEmpty()) {
				return new SalesforceSession.Failed(DeliveryOutcome.Retry.transientFailure(
						"Salesforce token endpoint answered 200 without access_token and instance_url", status));
			}
			return new SalesforceSession.Active(accessToken, SalesforceTokens.trimSlash(instanceUrl), true);
		}
		String error = body.path("error").asText("");
		String description = body.path("error_description").asText("");
		String said = (error.isEmpty()) ? "HTTP " + status : error + (description.isEmpty() ? "" : ": " + description);
		if (status == 429 || status >= 500 || status == 408) {
			return new SalesforceSession.Failed(
					DeliveryOutcome.Retry.transientFailure("Salesforce token endpoint failed: " + said, status));
		}
		return new SalesforceSession.Failed(
				new DeliveryOutcome.CredentialsRejected("Salesforce refused to log in: " + said, status));
	}

	/** The outcome of an upsert reply other than 401 (which the connector handles). */
	static DeliveryOutcome upsertResponse(int status, JsonNode body) {
		if (status == 200 || status == 201 || status == 204) {
			String id = body.path("id").asText(null);
			boolean created = status == 201 || body.path("created").asBoolean(false);
			return new DeliveryOutcome.Delivered(id, status, created ? "created" : "updated");
		}
		List<JsonNode> errors = errors(body);
		String code = errors.isEmpty() ? null : errors.get(0).path("errorCode").asText(null);
		String message = errors.isEmpty() ? "HTTP " + status
				: errors.stream().map(SalesforceErrors::describe).collect(Collectors.joining("; "));
		if (REQUEST_LIMIT_EXCEEDED.equals(code)) {
			return DeliveryOutcome.Retry.throttled(REQUEST_LIMIT_BACKOFF, "Salesforce API limit reached: " + message,
					status, code);
		}
		if (status == 300) {
			return new DeliveryOutcome.Permanent(
					"Several Salesforce leads hold this leadgen id in the external id field; nothing was written",
					status, code);
		}
		if (status == 401 || status == 403) {
			return new DeliveryOutcome.CredentialsRejected("Salesforce refused the session: " + message, status);
		}
		if (status == 404) {
			return new DeliveryOutcome.Permanent(
					message + " (check the externalIdField and apiVersion settings of the destination)", status, code);
		}
		if (status == 408 || status == 429 || status >= 500) {
			return new DeliveryOutcome.Retry(null, false, "Salesforce failed: " + message, status, code);
		}
		if (status >= 400) {
			return new DeliveryOutcome.Permanent(message, status, code);
		}
		return new DeliveryOutcome.Retry(null, false, "Salesforce answered an unexpected " + message, status, code);
	}

	/** {@code errorCode: message (field, field)}. */
	private static String describe(JsonNode error) {
		StringBuilder text = new StringBuilder();
		text.append(error.path("errorCode").asText("UNKNOWN")).append(": ").append(error.path("message").asText(""));
		List<String> fields = new ArrayList<>();
		error.path("fields").forEach((field) -> fields.add(field.asText()));
		if (!fields.isEmpty()) {
			text.append(" (").append(String.join(", ", fields)).append(")");
		}
		return text.toString();
	}

	private static List<JsonNode> errors(JsonNode body) {
		List<JsonNode> errors = new ArrayList<>();
		if (body.isArray()) {
			body.forEach((error) -> {
				if (error.has("errorCode")) {
					errors.add(error);
				}
			});
		}
		else if (body.has("errorCode")) {
			errors.add(body);
		}
		return errors;
	}

}
