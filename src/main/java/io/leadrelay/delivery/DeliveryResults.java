package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Writes down what the tries of one call came to: each attempt row, each delivery's next
 * status and each audit entry, in one transaction for the call. Audit details name the
 * destination, the status and the CRM's error code, never the CRM's message (it may quote
 * the lead). The message kept with the delivery and its attempt has the lead's values
 * taken out ({@link LeadValues}).
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

	private static final String INSERT_ATTEMPT = """
			INSERT INTO delivery_attempt (delivery_id, started_at, duration_ms, outcome, http_status, error_code,
			    message, crm_record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

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

	/** Writes down one try. */
	void record(ClaimedDelivery delivery, DeliveryOutcome outcome, Instant started, Duration took) {
		recordCall(List.of(delivery), List.of(outcome), started, took, this.policy);
	}

	void recordCall(List<ClaimedDelivery> call, List<DeliveryOutcome> outcomes, Instant started, Duration took) {
		recordCall(call, outcomes, started, took, this.policy);
	}

	/**
	 * Writes down the tries of one call, retrying on the destination's own policy, in one
	 * transaction. A delivery whose claim was lost meanwhile is left as the other worker
	 * leaves it: no attempt, no audit entry, no status change.
	 */
	void recordCall(List<ClaimedDelivery> call, List<DeliveryOutcome> outcomes, Instant started, Duration took,
			RetryPolicy policy) {
		outcomes.stream()
			.filter(DeliveryOutcome.CredentialsRejected.class::isInstance)
			.findFirst()
			.ifPresent((refused) -> this.destinations.markNeedsCredentials(call.get(0).destinationId(),
					refused.message()));
		Map<String, String> answers = answers(call, outcomes);
		String[] results = this.transactions.execute((tx) -> {
			String[] written = new String[call.size()];
			List<Object[]> attempts = new ArrayList<>(call.size());
			List<AuditEntry> entries = new ArrayList<>();
			for (int i = 0; i < call.size(); i++) {
				ClaimedDelivery delivery = call.get(i);
				DeliveryOutcome outcome = outcomes.get(i);
				String message = redacted(delivery, outcome.message(), answers);
				written[i] = apply(delivery, outcome, message, policy, entries);
				if (written[i] != null) {
					attempts.add(attempt(delivery, outcome, message, started, took));
				}
				this.metrics.attempt(delivery.destinationId(), kind(outcome), took);
			}
			this.jdbc.batchUpdate(INSERT_ATTEMPT, attempts);
			this.audit.recordAll(entries);
			return written;
		});
		for (int i = 0; i < call.size(); i++) {
			if (results[i] != null) {
				this.metrics.counted(call.get(i).destinationId(), results[i]);
			}
			else {
				log.warn("Delivery {} was claimed by another worker before its outcome was written", call.get(i).id());
			}
		}
	}

	/**
	 * Moves the delivery on; returns what became of it, or null when the claim was lost.
	 */
	private String apply(ClaimedDelivery delivery, DeliveryOutcome outcome, String message, RetryPolicy policy,
			List<AuditEntry> entries) {
		Instant now = this.clock.instant();
		if (outcome instanceof DeliveryOutcome.Delivered delivered) {
			return finish(this.queue.delivered(delivery, delivered.crmRecordId()), delivery, "delivered", outcome,
					entries);
		}
		if (outcome instanceof DeliveryOutcome.Permanent) {
			return finish(this.queue.dead(delivery, message, true), delivery, "dead", outcome, entries);
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
			return finish(this.queue.dead(delivery, reason, !retry.throttled()), delivery, "dead", outcome, entries);
		}
		if (retry.throttled()) {
			return this.queue.retryAt(delivery, next.get(), message, false) ? "throttled" : null;
		}
		return finish(this.queue.retryAt(delivery, next.get(), message, true), delivery, "retrying", outcome, entries);
	}

	private String finish(boolean updated, ClaimedDelivery delivery, String status, DeliveryOutcome outcome,
			List<AuditEntry> entries) {
		if (!updated) {
			return null;
		}
		entries.add(new AuditEntry(this.clock.instant(), "system", "delivery." + status, "lead", delivery.leadgenId(),
				AuditDetails.of("destination", delivery.destinationId(), "attempt", delivery.attempts() + 1,
						"http_status", outcome.httpStatus(), "error_code", outcome.errorCode())));
		return status;
	}

	private static Object[] attempt(ClaimedDelivery delivery, DeliveryOutcome outcome, String message, Instant started,
			Duration took) {
		return new Object[] { delivery.id(), started.atOffset(ZoneOffset.UTC), took.toMillis(), kind(outcome),
				outcome.httpStatus(),
				(outcome.errorCode() != null && outcome.errorCode().length() > 100)
						? outcome.errorCode().substring(0, 100) : outcome.errorCode(),
				DeliveryQueue.truncate(message),
				(outcome instanceof DeliveryOutcome.Delivered delivered) ? delivered.crmRecordId() : null };
	}

	/** The CRM's message without the lead's answers and payload values. */
	private static String redacted(ClaimedDelivery delivery, String message, Map<String, String> answers) {
		if (message == null || message.isEmpty()) {
			return message;
		}
		return LeadValues.of(delivery.payloadJson(), answers.get(delivery.leadgenId())).redact(message);
	}

	/** The answers of the leads whose CRM message must be redacted, in one query. */
	private Map<String, String> answers(List<ClaimedDelivery> call, List<DeliveryOutcome> outcomes) {
		List<String> leads = new ArrayList<>();
		for (int i = 0; i < call.size(); i++) {
			String message = outcomes.get(i).message();
			if (message != null && !message.isEmpty()) {
				leads.add(call.get(i).leadgenId());
			}
		}
		Map<String, String> answers = new HashMap<>();
		if (!leads.isEmpty()) {
			this.jdbc.query("SELECT leadgen_id, answers FROM lead WHERE leadgen_id IN ("
					+ String.join(", ", Collections.nCopies(leads.size(), "?")) + ")", (rs) -> {
						answers.put(rs.getString(1), rs.getString(2));
					}, leads.toArray());
		}
		return answers;
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
