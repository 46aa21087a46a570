package io.leadrelay.ingest;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counters and the latency timer of the webhook endpoint, as Prometheus shows them:
 * {@code leadrelay_webhook_events_total{outcome}},
 * {@code leadrelay_webhook_rejected_total{reason}} and
 * {@code leadrelay_webhook_request_seconds}.
 */
class IngestMetrics {

	private final Counter accepted;

	private final Counter duplicate;

	private final Counter ignored;

	private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

	private final Timer latency;

	IngestMetrics(MeterRegistry registry) {
		this.accepted = events(registry, "accepted");
		this.duplicate = events(registry, "duplicate");
		this.ignored = events(registry, "ignored");
		for (RejectionReason reason : RejectionReason.values()) {
			this.rejected.put(reason,
					Counter.builder("leadrelay.webhook.rejected")
						.description("Webhook requests turned away, by reason; nothing of them is stored")
						.tag("reason", reason.code())
						.register(registry));
		}
		this.latency = Timer.builder("leadrelay.webhook.request")
			.description("Time from receiving a webhook POST to answering it")
			.publishPercentileHistogram()
			.register(registry);
	}

	private static Counter events(MeterRegistry registry, String outcome) {
		return Counter.builder("leadrelay.webhook.events")
			.description("Leadgen changes received by the webhook, by what became of them")
			.tag("outcome", outcome)
			.register(registry);
	}

	void stored(int acceptedCount, int duplicateCount, int ignoredCount) {
		this.accepted.increment(acceptedCount);
		this.duplicate.increment(duplicateCount);
		this.ignored.increment(ignoredCount);
	}

	void rejected(RejectionReason reason) {
		this.rejected.get(reason).increment();
	}

	Timer latency() {
		return this.latency;
	}

}
