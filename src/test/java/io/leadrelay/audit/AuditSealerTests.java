package io.leadrelay.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing in the database: entries are sealed in id order behind the writers, two sealers
 * at once build one chain, and an entry committed late is sealed further along. On H2
 * here, on PostgreSQL in {@link AuditSealerPostgresTests}.
 */
@LeadRelayJdbcTest
class AuditSealerTests {

	static final Instant AT = Instant.parse("2026-12-04T10:00:00.123456789Z");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	AuditLog log;

	ExecutorService threads = Executors.newFixedThreadPool(4);

	@BeforeEach
	void emptyTrail() {
		TableCleaner.deleteAll(this.jdbc);
		this.log = new AuditLog(this.jdbc, new ObjectMapper());
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void sealsEntriesInIdOrderAndMovesTheHead() {
		write(0, 7);
		assertThat(sealer(3).sealPending()).isEqualTo(7);
		assertThat(this.jdbc.queryForList("SELECT chain_seq FROM audit_event ORDER BY id", Long.class))
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		assertThat(this.jdbc.queryForObject("SELECT last_seq FROM audit_chain", Long.class)).isEqualTo(7);
		assertThat(sealer(3).sealPending()).isZero();
		assertThat(chain().verify()).isEqualTo(new ChainVerdict(true, 7, null));
	}

	@Test
	void twoSealersAtOnceBuildOneChainWhileEntriesKeepComing() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> work = new ArrayList<>();
		for (int writer = 0; writer < 2; writer++) {
			int offset = writer * 1000;
			work.add(this.threads.submit(() -> {
				start.await();
				for (int batch = 0; batch < 20; batch++) {
					write(offset + batch * 20, 20);
				}
				return null;
			}));
		}
		for (int sealer = 0; sealer < 2; sealer++) {
			work.add(this.threads.submit(() -> {
				start.await();
				AuditSealer sealing = sealer(7);
				for (int round = 0; round < 30; round++) {
					sealing.sealPending();
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> done : work) {
			done.get(60, TimeUnit.SECONDS);
		}
		ChainVerdict verdict = chain().verify();
		assertThat(verdict).isEqualTo(new ChainVerdict(true, 800, null));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT chain_seq) FROM audit_event", Long.class))
			.isEqualTo(800);
		assertThat(this.jdbc.queryForObject("SELECT MAX(chain_seq) FROM audit_event", Long.class)).isEqualTo(800);
	}

	@Test
	void sealsAnEntryCommittedLateAfterTheOnesSealedBeforeIt() throws Exception {
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		Future<Long> late = this.threads.submit(() -> new TransactionTemplate(this.transactions).execute((status) -> {
			write(0, 1);
			Long id = this.jdbc.queryForObject("SELECT MAX(id) FROM audit_event", Long.class);
			written.countDown();
			await(commit);
			return id;
		}));
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		write(100, 2);
		assertThat(sealer(10).sealPending()).isEqualTo(2);
		commit.countDown();
		long lateId = late.get(10, TimeUnit.SECONDS);
		assertThat(sealer(10).sealPending()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT chain_seq FROM audit_event WHERE id = ?", Long.class, lateId))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT MIN(id) FROM audit_event", Long.class)).isEqualTo(lateId);
		assertThat(chain().verify()).isEqualTo(new ChainVerdict(true, 3, null));
	}

	@Test
	void hashesTheMomentAsStored() {
		write(0, 1);
		chain().verify();
		// Whatever precision the database keeps, the seal is over what it keeps.
		ChainedEntry stored = this.jdbc
			.query("SELECT " + AuditSealer.ENTRY_COLUMNS + " FROM audit_event", AuditSealer::entry)
			.get(0);
		assertThat(stored.unchanged()).isTrue();
		assertThat(Duration.between(AT, stored.occurredAt()).abs()).isLessThan(Duration.ofMillis(1));
	}

	private void write(int first, int count) {
		List<AuditEntry> entries = new ArrayList<>();
		for (int i = first; i < first + count; i++) {
			entries.add(new AuditEntry(AT.plusSeconds(i), "system", "lead_event.received", "lead", "lead-" + i,
					AuditDetails.of("n", i)));
		}
		this.log.recordAll(entries);
	}

	private AuditSealer sealer(int batchSize) {
		return new AuditSealer(this.jdbc, this.transactions, new AuditProperties(Duration.ofSeconds(1), batchSize));
	}

	private AuditChain chain() {
		return new AuditChain(this.jdbc, sealer(1000));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
