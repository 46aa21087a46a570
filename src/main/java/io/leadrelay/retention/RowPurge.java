package io.leadrelay.retention;

import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes delivery attempts and dead letters past their window, {@code batchSize} rows
 * per short transaction ({@code id IN (SELECT ... LIMIT n)}, which H2 and PostgreSQL both
 * run), children before their delivery.
 */
@Component
class RowPurge {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	RowPurge(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Deletes the attempts made before {@code before}; returns how many. */
	long attempts(Instant before, int batchSize) {
		return inBatches(batchSize, () -> this.transaction.execute((status) -> this.jdbc.update(
				"DELETE FROM delivery_attempt WHERE id IN (SELECT id FROM delivery_attempt WHERE started_at < ? LIMIT ?)",
				LeadDataPurge.utc(before), batchSize)));
	}

	/**
	 * Deletes the dead letters (dead or discarded deliveries) that ended before
	 * {@code before}, with their attempts and payload edits; returns how many deliveries.
	 * One being replayed right now (locked) is left for the next run.
	 */
	long deadLetters(Instant before, int batchSize) {
		return inBatches(batchSize, () -> this.transaction.execute((status) -> deadLetterBatch(before, batchSize)));
	}

	/**
	 * Runs batches until one comes back short of {@code batchSize}: nothing more is due.
	 * @return how many rows the batches took in all
	 */
	static long inBatches(int batchSize, IntSupplier batch) {
		long total = 0;
		while (true) {
			int taken = batch.getAsInt();
			total += taken;
			if (taken < batchSize) {
				return total;
			}
		}
	}

	private int deadLetterBatch(Instant before, int batchSize) {
		List<Long> ids = this.jdbc.queryForList("""
				SELECT id FROM delivery WHERE status IN ('dead', 'discarded') AND updated_at < ?
				LIMIT ? FOR UPDATE SKIP LOCKED""", Long.class, LeadDataPurge.utc(before), batchSize);
		if (ids.isEmpty()) {
			return 0;
		}
		String in = "(" + LeadDataPurge.marks(ids.size()) + ")";
		Object[] args = ids.toArray();
		this.jdbc.update("DELETE FROM delivery_attempt WHERE delivery_id IN " + in, args);
		this.jdbc.update("DELETE FROM delivery_payload_edit WHERE delivery_id IN " + in, args);
		this.jdbc.update("DELETE FROM delivery WHERE id IN " + in, args);
		return ids.size();
	}

}
