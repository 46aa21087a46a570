package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;

import org.springframework.stereotype.Service;

/**
 * Sends a clearly marked test lead to a destination and reports what the CRM answered, so
 * that an admin can check a destination before real leads depend on it. A test creates no
 * delivery; it is audited.
 */
@Service
public class DestinationTester {

	private final Destinations destinations;

	private final Connectors connectors;

	private final AuditLog audit;

	private final Clock clock;

	DestinationTester(Destinations destinations, Connectors connectors, AuditLog audit, Clock clock) {
		this.destinations = destinations;
		this.connectors = connectors;
		this.audit = audit;
		this.clock = clock;
	}

	public TestResult test(String destinationId, String actor) {
		DestinationView destination = this.destinations.get(destinationId);
		Connector connector = this.connectors.forType(destination.type()).orElse(null);
		Instant started = this.clock.instant();
		String leadgenId = "test-" + started.getEpochSecond();
		DeliveryOutcome outcome;
		long start = System.nanoTime();
		if (connector == null) {
			outcome = new DeliveryOutcome.Permanent("This engine has no connector for " + destination.type(), null,
					null);
		}
		else {
			DeliveryRequest request = new DeliveryRequest(0, leadgenId, destinationId, destination.settings(),
					this.destinations.credentials(destinationId), connector.testPayload(),
					DeliveryRequest.idempotencyKey(leadgenId, destinationId), true, 1, started);
			connector.checkBeforeTest(request);
			outcome = connector.deliver(request);
		}
		long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
		String kind = DeliveryResults.kind(outcome);
		this.audit.record(new AuditEntry(this.clock.instant(), actor, "destination.tested", "destination",
				destinationId, AuditDetails.of("outcome", kind, "http_status", outcome.httpStatus())));
		return new TestResult(kind, outcome.httpStatus(), outcome.errorCode(), outcome.message(),
				(outcome instanceof DeliveryOutcome.Delivered delivered) ? delivered.crmRecordId() : null, took,
				leadgenId);
	}

	/**
	 * What the destination answered to a test lead.
	 *
	 * @param outcome {@code delivered}, {@code failed}, {@code throttled},
	 * {@code rejected} or {@code credentials_rejected}
	 * @param httpStatus the CRM's HTTP status
	 * @param errorCode the CRM's error code
	 * @param message what the CRM said
	 * @param crmRecordId the record the test created or updated
	 * @param durationMs how long the call took
	 * @param leadgenId the test lead's made-up id
	 */
	public record TestResult(String outcome, Integer httpStatus, String errorCode, String message, String crmRecordId,
			long durationMs, String leadgenId) {
	}

}
