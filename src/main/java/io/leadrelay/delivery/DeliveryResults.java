package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.destination.Destinations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes down what one try of a delivery came to: the attempt row, the delivery's next
 * status and the audit entry, in one transaction. Audit details name the destination, the
 * status and the CRM's error code, never the CRM's message (it may quote the lead). The
 * message kept with the delivery and its attempt has the lead's values taken out
 * ({@link LeadValues}).
 */
@Component
class DeliveryResults {

	private static final Logger log = LoggerFactory.getLogger(DeliveryResults.class);

	private final DeliveryQueue queue;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Destinations destinations;

	private final TransactionTemplate transactions;

	private final DeliveryMetrics metrics;

	private final RetryPolicy policy;

	private final Clock clock;

	DeliveryResults(DeliveryQueue queue, JdbcTemplate jdbc, AuditLog audit, Destinations destinations,
			TransactionTemplate transactions, DeliveryMetrics metrics, DeliveryProperties properties, Clock clock) {
		this.queue = queue;
		this.jdbc = jdbc;
		this.audit = audit;
		this.destinations = destinations;
		this.transactions = transactions;
		this.metrics = metrics;
		this.policy = RetryPolicy.of(properties);
		this.clock = clock;
	}

	void record(ClaimedDelivery delivery, DeliveryOutcome outcome, Instant started, Duration took) {
		record(delivery, outcome, started, took, this.policy);
	}

	/** Writes down a try, retrying on the destination's own policy. */
	void record(ClaimedDelivery delivery, DeliveryOutcome outcome, Instant started, Duration took, RetryPolicy policy) {
		if (outcome instanceof DeliveryOutcome.CredentialsRejected) {
			this.destinations.markNeedsCredentials(delivery.destinationId(), outcome.message());
		}
		Boolean done = this.transactions.execute((tx) -> {
			String message = redacted(delivery, outcome.message());
			String result = apply(delivery, outcome, message, policy);
			attempt(delivery, outcome, message, started, took);
			if (result == null) {
				tx.setRollbackOnly();
				return false;
			}
			this.metrics.counted(delivery.destinationId(), result);
			return true;
		});
		if (!Boolean.TRUE.equals(done)) {
			log.warn("Delivery {} was claimed by another worker before its outcome was written", delivery.id());
		}
	}

	/**
	 * Moves the delivery on; returns what became of it, or null when the claim was lost.
	 */
	private String apply(ClaimedDelivery delivery, DeliveryOutcome outcome, String message, RetryPolicy policy) {
		Instant now = this.clock.instant();
		if (outcome instanceof DeliveryOutcome.Delivered delivered) {
			return finish(this.queue.delivered(delivery, delivered.crmRecordId()), delivery, "delivered", outcome);
		}
		if (outcome instanceof DeliveryOutcome.Permanent) {
			return finish(this.queue.dead(delivery, message, true), delivery, "dead", outcome);
		}
		if (outcome instanceof DeliveryOutcome.CredentialsRejected) {
			return this.queue.retryAt(delivery, now, message, false) ? "credentials_rejected" : null;
		}
		DeliveryOutcome.Retry retry = (DeliveryOutcome.Retry) outcome;
		int attempts = delivery.attempts() + (retry.throttled() ? 0 : 1);
		Optional<Instant> next = policy.next(attempts, delivery.retryFrom(), now, retry.after());
		if (next.isEmpty()) {
			Duration horizon = policy.horizon();
			String reason = "Gave up after " + attempts + " tries in "
					+ ((horizon.toMinutes() % 60 == 0) ? horizon.toHours() + "h" : horizon.toMinutes() + "m") + ": "
					+ message;
			return finish(this.queue.dead(delivery, reason, !retry.throttled()), delivery, "dead", outcome);
		}
		if (retry.throttled()) {
			return this.queue.retryAt(delivery, next.get(), message, false) ? "throttled" : null;
		}
		return finish(this.queue.retryAt(delivery, next.get(), message, true), delivery, "retrying", outcome);
	}

	private String finish(boolean updated, ClaimedDelivery delivery, String status, DeliveryOutcome outcome) {
		if (!updated) {
			return null;
		}
		this.audit
			.record(new AuditEntry(this.clock.instant(), "system", "delivery." + status, "lead", delivery.leadgenId(),
					AuditDetails.of("destination", delivery.destinationId(), "attempt", delivery.attempts() + 1,
							"http_status", outcome.httpStatus(), "error_code", outcome.errorCode())));
		return status;
	}

	private void attempt(ClaimedDelivery delivery, DeliveryOutcome outcome, String message, Instant started,
			Duration took) {
		String kind = kind(outcome);
		this.jdbc.update("""
				INSERT INTO delivery_attempt (delivery_id, started_at, duration_ms, outcome, http_status, error_code,
				    message, crm_record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", delivery.id(),
				started.atOffset(ZoneOffset.UTC), took.toMillis(), kind, outcome.httpStatus(),
				(outcome.errorCode() != null && outcome.errorCode().length() > 100)
						? outcome.errorCode().substring(0, 100) : outcome.errorCode(),
				DeliveryQueue.truncate(message),
				(outcome instanceof DeliveryOutcome.Delivered delivered) ? delivered.crmRecordId() : null);
		this.metrics.attempt(delivery.destinationId(), kind, took);
	}

	/** The CRM's message without the lead's answers and payload values. */
	private String redacted(ClaimedDelivery delivery, String message) {
		if (message == null || message.isEmpty()) {
			return message;
		}
		List<String> answers = this.jdbc.queryForList("SELECT answers FROM lead WHERE leadgen_id = ?", String.class,
				delivery.leadgenId());
		return LeadValues.of(delivery.payloadJson(), answers.isEmpty() ? null : answers.get(0)).redact(message);
	}

	/** What a try came to, as the attempt log and the metrics name it. */
	static String kind(DeliveryOutcome outcome) {
		if (outcome instanceof DeliveryOutcome.Delivered) {
			return "delivered";
		}
		if (outcome instanceof DeliveryOutcome.Permanent) {
			return "rejected";
		}
		if (outcome instanceof DeliveryOutcome.CredentialsRejected) {
			return "credentials_rejected";
		}
		return ((DeliveryOutcome.Retry) outcome).throttled() ? "throttled" : "failed";
	}

}
