package io.leadrelay.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.audit.AuditRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The retention purge: removes what has passed its window (see
 * {@link RetentionProperties}), kind by kind, in batches, then audits the run with its
 * counts. Run by routes/retention.yaml once per cluster.
 */
@Component("retentionPurge")
public class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final RetentionProperties windows;

	private final LeadDataPurge leads;

	private final RowPurge rows;

	private final AuditRetention audit;

	private final AuditLog auditLog;

	private final Clock clock;

	RetentionPurge(RetentionProperties windows, LeadDataPurge leads, RowPurge rows, AuditRetention audit,
			AuditLog auditLog, Clock clock) {
		this.windows = windows;
		this.leads = leads;
		this.rows = rows;
		this.audit = audit;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Purges what is due now (the route's timer calls this). */
	public PurgeRun run() {
		return runAt(this.clock.instant());
	}

	/** Purges what is due at {@code now}, and audits the run. */
	public PurgeRun runAt(Instant now) {
		long started = System.nanoTime();
		int batch = this.windows.batchSize();
		int[] removed = this.leads.purge(now, this.windows);
		// Attempts and payload edits go with their dead letter, before the attempts'
		// own window is applied to the rest.
		long deadLetters = this.windows.purgesDeadLetters()
				? this.rows.deadLetters(now.minus(this.windows.deadLetters()), batch) : 0;
		long attempts = this.windows.purgesAttempts() ? this.rows.attempts(now.minus(this.windows.attempts()), batch)
				: 0;
		long auditEntries = auditEntries(now.minus(this.windows.audit()), batch);
		PurgeRun run = new PurgeRun(now, Duration.ofNanos(System.nanoTime() - started), removed[0], removed[1],
				attempts, deadLetters, auditEntries);
		this.auditLog.record(
				new AuditEntry(now.plus(run.took()), "system", PurgeRun.ACTION, "retention", "purge", run.details()));
		log.info(
				"Retention purge: personal data of {} leads removed, {} attempts, {} dead letters and {} audit "
						+ "entries deleted in {} ms",
				run.leads(), attempts, deadLetters, auditEntries, run.took().toMillis());
		return run;
	}

	private long auditEntries(Instant before, int batch) {
		return RowPurge.inBatches(batch, () -> this.audit.deleteOldest(before, batch));
	}

}
