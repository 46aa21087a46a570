package io.leadrelay.delivery.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.Connector;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.delivery.HttpReply;
import io.leadrelay.delivery.NetworkGuard;
import io.leadrelay.delivery.RetryDelays;
import io.leadrelay.destination.spi.DestinationFields;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * POSTs each lead as JSON to the destination's URL, signed as the Standard Webhooks
 * specification says ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}). The {@code webhook-id} is the delivery's message id: the
 * same on every retry of one payload, so the receiver can drop repeats, and a new one
 * when a replay changed the payload, so the receiver does not drop the fix. The body's
 * {@code timestamp} is when the lead's event happened, the same on every try; the
 * {@code webhook-timestamp} header is the time of the try, against replay attacks. Any
 * 2xx is delivered; 408, 429 and 5xx are tried again ({@code Retry-After} honoured); 401
 * and 403 pause the destination; other replies are refusals.
 */
@Component
class WebhookConnector implements Connector {

	private static final int MAX_QUOTED_BODY = 300;

	private final ConnectorHttp http;

	private final ObjectMapper json;

	private final Clock clock;

	@Autowired
	WebhookConnector(ObjectMapper json, Clock clock, NetworkGuard guard) {
		this(json, clock, ConnectorTimeouts.DEFAULT.guardedBy(guard));
	}

	WebhookConnector(ObjectMapper json, Clock clock) {
		this(json, clock, ConnectorTimeouts.DEFAULT);
	}

	WebhookConnector(ObjectMapper json, Clock clock, ConnectorTimeouts timeouts) {
		this.http = new ConnectorHttp("The webhook", timeouts);
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String code() {
		return "webhook";
	}

	@Override
	public Map<String, String> settings(Map<String, String> given) {
		return DestinationFields.settings(given, Set.of("url")).url("url").values();
	}

	@Override
	public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		DestinationFields.credentials(credentials, Set.of("signingSecret"))
			.satisfies("signingSecret", WebhookSignature::problem);
	}

	@Override
	public double defaultRateLimit() {
		return 50;
	}

	@Override
	public DeliveryOutcome deliver(DeliveryRequest request) {
		Instant now = this.clock.instant();
		long attemptedAt = now.getEpochSecond();
		String body = body(request, (request.eventTime() != null) ? request.eventTime() : now);
		String messageId = request.messageId();
		String signature;
		try {
			signature = WebhookSignature.sign(request.credentials().get("signingSecret"), messageId, attemptedAt, body);
		}
		catch (IllegalArgumentException ex) {
			return new DeliveryOutcome.CredentialsRejected(
					"credentials.signingSecret " + ex.getMessage() + "; replace the signing secret", null);
		}
		HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(request.settings().get("url")))
			.header("Content-Type", "application/json")
			.header("User-Agent", "LeadRelay")
			.header("webhook-id", messageId)
			.header("webhook-timestamp", Long.toString(attemptedAt))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		HttpReply reply = this.http.send(call, "sending the lead");
		if (reply instanceof HttpReply.NoReply none) {
			return none.outcome();
		}
		return outcome((HttpReply.Replied) reply);
	}

	private DeliveryOutcome outcome(HttpReply.Replied reply) {
		int status = reply.status();
		if (reply.successful()) {
			return new DeliveryOutcome.Delivered(null, status, "accepted");
		}
		String text = "The webhook answered " + status + quote(reply.body());
		if (status == 429) {
			return DeliveryOutcome.Retry.throttled(RetryDelays.retryAfter(reply, this.clock).orElse(null), text, status,
					null);
		}
		if (status == 408 || status >= 500) {
			return new DeliveryOutcome.Retry(RetryDelays.retryAfter(reply, this.clock).orElse(null), false, text,
					status, null);
		}
		if (status == 401 || status == 403) {
			return new DeliveryOutcome.CredentialsRejected(text + "; check the signing secret", status);
		}
		return new DeliveryOutcome.Permanent(text, status, null);
	}

	private String body(DeliveryRequest request, Instant eventTime) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("leadgen_id", request.leadgenId());
		data.put("fields", request.payload());
		data.put("is_test", request.test());
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", request.test() ? "lead.test" : "lead.created");
		event.put("timestamp", eventTime.toString());
		event.put("data", data);
		try {
			return this.json.writeValueAsString(event);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String quote(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String text = body.strip();
		return ": " + ((text.length() <= MAX_QUOTED_BODY) ? text : text.substring(0, MAX_QUOTED_BODY) + "...");
	}

}
