package io.leadrelay.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge works in batches of {@code batch-size} rows, one transaction each, and goes
 * on until nothing due is left, also past batches where nothing was due.
 */
@LeadRelayIntegrationTest
class RetentionBatchesTests {

	static final RetentionProperties BATCHES_OF_TWO = new RetentionProperties(Duration.ofDays(90), Duration.ofDays(180),
			Duration.ofDays(90), Duration.ofDays(180), Duration.ofDays(730), Duration.ofHours(1), Duration.ofMinutes(5),
			2);

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	CountingTransactions counting;

	RetentionRows rows;

	@BeforeEach
	void emptyTables() {
		TableCleaner.deleteAll(this.jdbc);
		this.rows = new RetentionRows(this.jdbc, this.now);
		this.counting = new CountingTransactions(this.transactions);
	}

	@Test
	void fiveLeadsDueGoInSeveralBatchesOfTwo() {
		// The two oldest are not due yet (delivered 10 days ago): the purge pages past
		// them.
		for (int i = 0; i < 2; i++) {
			this.rows.lead("waiting-" + i, 170 - i);
			this.rows.delivery("waiting-" + i, "crm", "delivered", 10);
		}
		for (int i = 0; i < 5; i++) {
			this.rows.lead("due-" + i, 150 - i);
			this.rows.delivery("due-" + i, "crm", "delivered", 100);
		}

		int[] removed = new LeadDataPurge(this.jdbc, this.counting).purge(this.now, BATCHES_OF_TWO);

		assertThat(removed[0]).isEqualTo(5);
		assertThat(this.counting.commits.get()).as("transactions").isEqualTo(4);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead WHERE personal_data_removed_by = 'retention'",
				Long.class))
			.isEqualTo(5);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead WHERE personal_data_removed_at IS NULL",
				Long.class))
			.isEqualTo(2);
	}

	@Test
	void fiveAttemptsAndFiveDeadLettersGoInBatchesOfTwo() {
		this.rows.lead("a", 10);
		long delivery = this.rows.delivery("a", "crm", "delivered", 5);
		for (int i = 0; i < 5; i++) {
			this.rows.attempt(delivery, 100 + i);
		}
		this.rows.lead("b", 300);
		for (int i = 0; i < 5; i++) {
			this.rows.delivery("b", "crm-" + i, "dead", 200);
		}
		RowPurge purge = new RowPurge(this.jdbc, this.counting);

		assertThat(purge.deadLetters(this.now.minus(Duration.ofDays(180)), 2)).isEqualTo(5);
		assertThat(this.counting.commits.get()).as("transactions").isEqualTo(3);
		assertThat(purge.attempts(this.now.minus(Duration.ofDays(90)), 2)).isEqualTo(5);
		assertThat(this.counting.commits.get()).as("transactions").isEqualTo(6);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE leadgen_id = 'b'", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt", Long.class)).isOne();
	}

	/** Counts the transactions committed. */
	static final class CountingTransactions implements PlatformTransactionManager {

		final AtomicInteger commits = new AtomicInteger();

		private final PlatformTransactionManager delegate;

		CountingTransactions(PlatformTransactionManager delegate) {
			this.delegate = delegate;
		}

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			return this.delegate.getTransaction(definition);
		}

		@Override
		public void commit(TransactionStatus status) {
			this.commits.incrementAndGet();
			this.delegate.commit(status);
		}

		@Override
		public void rollback(TransactionStatus status) {
			this.delegate.rollback(status);
		}

	}

}
