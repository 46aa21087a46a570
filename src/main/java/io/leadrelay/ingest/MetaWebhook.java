package io.leadrelay.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

import io.leadrelay.ingest.LeadEventInbox.StoreResult;
import io.leadrelay.ingest.NotificationParser.ParsedNotification;
import io.leadrelay.meta.MetaProperties;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;

/**
 * The Meta webhook, called by the {@code meta-webhook} route: the verification handshake
 * and the signed leadgen notifications. A POST is answered 200 only once its leads are
 * committed; nothing slow happens before that answer.
 */
public class MetaWebhook {

	static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	private static final Logger log = LoggerFactory.getLogger(MetaWebhook.class);

	private final MetaProperties meta;

	private final SignatureVerifier verifier;

	private final NotificationParser parser;

	private final GroupCommitter committer;

	private final IngestMetrics metrics;

	private final WebhookResponses responses;

	private final Clock clock;

	MetaWebhook(MetaProperties meta, NotificationParser parser, GroupCommitter committer, IngestMetrics metrics,
			WebhookResponses responses, Clock clock) {
		this.meta = meta;
		this.verifier = new SignatureVerifier(meta.appSecrets());
		this.parser = parser;
		this.committer = committer;
		this.metrics = metrics;
		this.responses = responses;
		this.clock = clock;
		if (meta.appSecrets().isEmpty()) {
			log.warn("leadrelay.meta.app-secrets is empty: every webhook POST will be refused with 401");
		}
		if (meta.verifyToken() == null) {
			log.warn("leadrelay.meta.verify-token is not set: Meta's verification handshake will be refused");
		}
	}

	/** {@code GET}: echo {@code hub.challenge} when the verify token matches. */
	public void handshake(Exchange exchange) {
		Message request = exchange.getMessage();
		String mode = request.getHeader("hub.mode", String.class);
		String token = request.getHeader("hub.verify_token", String.class);
		String challenge = request.getHeader("hub.challenge", String.class);
		if ("subscribe".equals(mode) && verifyTokenMatches(token) && challenge != null && !challenge.isEmpty()) {
			this.responses.text(exchange, HttpStatus.OK, challenge);
			return;
		}
		log.warn("Refused a webhook verification handshake (mode={}, token {})", (mode != null) ? "given" : "missing",
				(token != null) ? "did not match" : "missing");
		this.responses.text(exchange, HttpStatus.FORBIDDEN, "verification failed");
	}

	private boolean verifyTokenMatches(String token) {
		String expected = this.meta.verifyToken();
		return expected != null && token != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code POST}: verify the signature on the raw bytes, parse, store, answer. */
	public void receive(Exchange exchange) {
		Timer.Sample sample = Timer.start();
		try {
			Message request = exchange.getMessage();
			byte[] body = request.getBody(byte[].class);
			if (body == null) {
				body = new byte[0];
			}
			RejectionReason signatureProblem = this.verifier.verify(body,
					request.getHeader(SIGNATURE_HEADER, String.class));
			if (signatureProblem != null) {
				reject(exchange, signatureProblem, signatureProblem.description(), null);
				return;
			}
			ParsedNotification notification;
			try {
				notification = this.parser.parse(body);
			}
			catch (InvalidPayloadException ex) {
				reject(exchange, RejectionReason.INVALID_PAYLOAD, ex.getMessage(), ex.field());
				return;
			}
			StoreResult stored;
			try {
				stored = this.committer.store(notification.leads(), this.clock.instant());
			}
			catch (DataAccessException | TransactionException ex) {
				log.error("Could not store a webhook notification; answering 503 so that Meta retries", ex);
				reject(exchange, RejectionReason.STORAGE_UNAVAILABLE, RejectionReason.STORAGE_UNAVAILABLE.description(),
						null);
				return;
			}
			this.metrics.stored(stored.accepted(), stored.duplicates(), notification.ignoredChanges());
			this.responses.receipt(exchange, stored.accepted(), stored.duplicates(), notification.ignoredChanges());
		}
		finally {
			sample.stop(this.metrics.latency());
		}
	}

	/**
	 * Called by the route's error handler for anything unexpected: answered 500 without
	 * details, and logged without the body.
	 */
	public void failed(Exchange exchange) {
		Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
		log.error("Could not handle a webhook notification ({}); answering 500 so that Meta retries",
				(cause != null) ? cause.getClass().getName() : "unknown error");
		reject(exchange, RejectionReason.INTERNAL_ERROR, RejectionReason.INTERNAL_ERROR.description(), null);
	}

	private void reject(Exchange exchange, RejectionReason reason, String detail, String field) {
		this.metrics.rejected(reason);
		log.warn("Rejected a webhook POST: {}", reason.code());
		this.responses.problem(exchange, reason, detail, field);
	}

}
