package io.leadrelay.alert;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the changes to channels and new-lead notifications made on this engine, each
 * once it has committed, so that what was read of them before is known to be stale.
 */
@Component
class AlertChanges {

	private final AtomicLong changes = new AtomicLong();

	/** The changes so far. */
	long count() {
		return this.changes.get();
	}

	/** A change is being made: it counts once its transaction commits. */
	void changing() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					AlertChanges.this.changes.incrementAndGet();
				}
			});
		}
		else {
			this.changes.incrementAndGet();
		}
	}

}
