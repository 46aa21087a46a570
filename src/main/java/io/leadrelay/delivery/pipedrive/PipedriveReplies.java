package io.leadrelay.delivery.pipedrive;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryOutcome.CredentialsRejected;
import io.leadrelay.delivery.DeliveryOutcome.Permanent;
import io.leadrelay.delivery.DeliveryOutcome.Retry;
import io.leadrelay.delivery.HttpReply;
import io.leadrelay.delivery.HttpReply.Replied;
import io.leadrelay.delivery.RetryDelays;

/**
 * Reads Pipedrive's replies: the body of a success, or the outcome of a failure.
 */
final class PipedriveReplies {

	static final String DAILY_TOKENS_HEADER = "x-daily-ratelimit-token-remaining";

	static final String DAILY_REQUESTS_HEADER = "x-daily-requests-left";

	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

	private static final Duration EDGE_WAIT = Duration.ofMinutes(1);

	private final ObjectMapper json;

	private final Clock clock;

	PipedriveReplies(ObjectMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The body of a successful reply, or what the failure means for the delivery.
	 * @param reply the reply
	 * @param call what the call did, for messages
	 */
	Result read(HttpReply reply, String call) {
		if (reply instanceof HttpReply.NoReply none) {
			return new Result(null, none.outcome());
		}
		Replied replied = (Replied) reply;
		Optional<JsonNode> body = parse(replied.body());
		if (replied.successful()) {
			return body.map((node) -> new Result(node, null))
				.orElseGet(() -> new Result(null, Retry.transientFailure(
						"Pipedrive answered " + replied.status() + " without JSON while " + call, replied.status())));
		}
		return new Result(null, failure(replied, body, call));
	}

	private DeliveryOutcome failure(Replied replied, Optional<JsonNode> body, String call) {
		int status = replied.status();
		String error = body.map((node) -> node.path("error").asText(""))
			.filter((text) -> !text.isBlank())
			.orElse("HTTP " + status);
		error = ConnectorHttp.shorten(error);
		if (status == 429) {
			return throttled(replied, call);
		}
		if (status == 403 && body.isEmpty()) {
			// Pipedrive's edge answers clients that keep calling after a 429 with a 403
			// page.
			return Retry.throttled(RetryDelays.retryAfter(replied, this.clock).orElse(EDGE_WAIT),
					"Pipedrive's edge refused the call while " + call + " (too many requests)", status, null);
		}
		if (status == 401 || status == 403) {
			return new CredentialsRejected("Pipedrive refused the API token while " + call + ": " + error, status);
		}
		if (status >= 500 || status < 400) {
			return Retry.transientFailure("Pipedrive answered " + status + " while " + call, status);
		}
		String code = body.map((node) -> node.path("code").asText(""))
			.filter((text) -> !text.isBlank())
			.orElse(String.valueOf(status));
		return new Permanent("Pipedrive answered " + status + " while " + call + ": " + error, status, code);
	}

	private Retry throttled(Replied replied, String call) {
		boolean dailyExhausted = RetryDelays.numberHeader(replied, DAILY_TOKENS_HEADER)
			.or(() -> RetryDelays.numberHeader(replied, DAILY_REQUESTS_HEADER))
			.filter((left) -> left <= 0)
			.isPresent();
		if (dailyExhausted) {
			return Retry.throttled(RetryDelays.untilMidnightUtc(this.clock),
					"Pipedrive's daily budget is used up; waiting until it resets at "
							+ RetryDelays.nextMidnightUtc(this.clock),
					429, "daily_limit");
		}
		Duration after = RetryDelays.retryAfter(replied, this.clock)
			.or(() -> RetryDelays.numberHeader(replied, "x-ratelimit-reset").map(Duration::ofSeconds))
			.orElse(DEFAULT_WAIT);
		return Retry.throttled(after, "Pipedrive rate limit reached while " + call, 429, "rate_limit");
	}

	private Optional<JsonNode> parse(String body) {
		try {
			return (body == null || body.isBlank()) ? Optional.empty()
					: Optional.ofNullable(this.json.readTree(body)).filter(JsonNode::isObject);
		}
		catch (JsonProcessingException ex) {
			return Optional.empty();
		}
	}

	/**
	 * One call's result: a body, or the outcome the delivery ends with.
	 *
	 * @param body the JSON body of a success
	 * @param failure the outcome of a failure
	 */
	record Result(JsonNode body, DeliveryOutcome failure) {

		boolean failed() {
			return this.failure != null;
		}

		JsonNode data() {
			return this.body.path("data");
		}

	}

}
