package io.leadrelay.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each kind of data is kept (write windows like 90d or 36h), and how the purge
 * runs. Windows that may be switched off take {@code 0} (keep for ever).
 *
 * @param deliveredLeads a lead's personal data (answers, contact terms, payloads) once
 * every delivery of it reached its destination, counted from the last one; cannot be off
 * @param undeliveredLeads the same for any other lead (a dead letter, one still waiting,
 * one no mapping sent anywhere), counted from when it was stored; at least
 * {@code deliveredLeads}; cannot be off
 * @param attempts delivery attempts (each try and the destination's answer), counted from
 * the try; 0 keeps them
 * @param deadLetters dead and discarded deliveries (the rows, with their attempts and
 * payload edits), counted from when they ended; 0 keeps them
 * @param audit audit entries, at most 24 months (731d); cannot be off
 * @param interval how often the purge runs (once per cluster)
 * @param firstRunDelay how long after an engine starts its purge timer fires first
 * @param batchSize rows per transaction: the webhook waits at most for one batch
 */
@ConfigurationProperties("leadrelay.retention")
public record RetentionProperties(@DefaultValue("90d") Duration deliveredLeads,
		@DefaultValue("180d") Duration undeliveredLeads, @DefaultValue("90d") Duration attempts,
		@DefaultValue("180d") Duration deadLetters, @DefaultValue("730d") Duration audit,
		@DefaultValue("1h") Duration interval, @DefaultValue("5m") Duration firstRunDelay,
		@DefaultValue("1000") int batchSize) {

	/** The longest the audit trail may be kept: 24 months. */
	public static final Duration AUDIT_AT_MOST = Duration.ofDays(731);

	static final Duration LONGEST = Duration.ofDays(3650);

	public RetentionProperties {
		window("delivered-leads", deliveredLeads, false);
		window("undelivered-leads", undeliveredLeads, false);
		if (undeliveredLeads.compareTo(deliveredLeads) < 0) {
			throw new IllegalArgumentException("leadrelay.retention.undelivered-leads must be at least "
					+ "leadrelay.retention.delivered-leads (" + deliveredLeads.toDays() + "d)");
		}
		window("attempts", attempts, true);
		window("dead-letters", deadLetters, true);
		if (audit.isZero() || audit.compareTo(AUDIT_AT_MOST) > 0 || audit.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("leadrelay.retention.audit must be between 1d and 731d (24 months): "
					+ "audit entries are kept at most 24 months and cannot be kept for ever");
		}
		between("interval", interval, Duration.ofMinutes(1), Duration.ofDays(1), "1m and 24h");
		between("first-run-delay", firstRunDelay, Duration.ofSeconds(1), Duration.ofDays(1), "1s and 24h");
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException("leadrelay.retention.batch-size must be between 1 and 10000");
		}
	}

	private static void window(String name, Duration window, boolean mayBeOff) {
		if (mayBeOff && window.isZero()) {
			return;
		}
		if (!mayBeOff && window.isZero()) {
			throw new IllegalArgumentException("leadrelay.retention." + name
					+ " cannot be 0: a lead's personal data must be removed after a set time (1d to 3650d)");
		}
		between(name, window, Duration.ofDays(1), LONGEST, mayBeOff ? "1d and 3650d, or 0 to keep" : "1d and 3650d");
	}

	private static void between(String name, Duration value, Duration min, Duration max, String range) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new IllegalArgumentException("leadrelay.retention." + name + " must be between " + range);
		}
	}

	/** Whether attempts are deleted at all. */
	boolean purgesAttempts() {
		return !this.attempts.isZero();
	}

	/** Whether dead letters are deleted at all. */
	boolean purgesDeadLetters() {
		return !this.deadLetters.isZero();
	}

}
