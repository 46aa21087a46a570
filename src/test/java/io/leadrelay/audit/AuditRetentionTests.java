package io.leadrelay.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayJdbcTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting the audit trail's oldest entries for retention: oldest first in chain order,
 * in batches, and the chain check then starts at the oldest entry kept and finds it
 * intact; what is deleted any other way still shows.
 */
@LeadRelayJdbcTest
class AuditRetentionTests {

	static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	AuditRetention retention;

	AuditChain chain;

	@BeforeEach
	void emptyTrail() {
		TableCleaner.deleteAll(this.jdbc);
		this.retention = new AuditRetention(this.jdbc, this.transactions);
		this.chain = new AuditChain(this.jdbc,
				new AuditSealer(this.jdbc, this.transactions, new AuditProperties(Duration.ofSeconds(1), 1000)));
	}

	@Test
	void deletesTheOldestInBatchesAndTheChainStillVerifies() {
		write(8);
		assertThat(this.chain.verify()).isEqualTo(new ChainVerdict(true, 8, null));
		Instant before = AT.plus(Duration.ofDays(5));

		assertThat(this.retention.deleteOldest(before, 2)).isEqualTo(2);
		assertThat(this.chain.verify()).isEqualTo(new ChainVerdict(true, 6, null));
		assertThat(this.retention.deleteOldest(before, 2)).isEqualTo(2);
		assertThat(this.retention.deleteOldest(before, 2)).isEqualTo(1);
		assertThat(this.retention.deleteOldest(before, 2)).isZero();

		assertThat(this.jdbc.queryForList("SELECT subject_id FROM audit_event ORDER BY chain_seq", String.class))
			.containsExactly("u5", "u6", "u7");
		assertThat(this.chain.verify()).isEqualTo(new ChainVerdict(true, 3, null));
		write(2);
		assertThat(this.chain.verify()).isEqualTo(new ChainVerdict(true, 5, null));
	}

	@Test
	void stopsAtTheFirstNewerEntryInChainOrder() {
		write(3);
		// Sealed after the three, but older: it waits until the ones before it go.
		this.log().record(new AuditEntry(AT.minus(Duration.ofDays(30)), "admin", "user.created", "user", "late"));
		this.chain.verify();

		assertThat(this.retention.deleteOldest(AT.plus(Duration.ofHours(12)), 10)).isOne();
		assertThat(this.chain.verify().intact()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_id = 'late'", Long.class))
			.isOne();
	}

	@Test
	void anEntryDeletedWithoutMovingTheStartStillShows() {
		write(4);
		this.chain.verify();
		this.retention.deleteOldest(AT.plus(Duration.ofHours(12)), 10);
		this.jdbc.update("DELETE FROM audit_event WHERE subject_id = 'u1'");

		ChainVerdict verdict = this.chain.verify();

		assertThat(verdict.intact()).isFalse();
		assertThat(verdict.firstBroken().chainSeq()).isEqualTo(3);
		assertThat(verdict.firstBroken().problem()).isEqualTo(ChainVerdict.BrokenLink.MISSING_BEFORE);
	}

	@Test
	void everyEntryDeletedLeavesAnIntactEmptyChain() {
		write(3);
		this.chain.verify();
		assertThat(this.retention.deleteOldest(AT.plus(Duration.ofDays(30)), 10)).isEqualTo(3);
		assertThat(this.chain.verify()).isEqualTo(new ChainVerdict(true, 0, null));
		write(1);
		assertThat(this.chain.verify()).isEqualTo(new ChainVerdict(true, 1, null));
	}

	private void write(int count) {
		long already = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = 'admin'", Long.class)
				+ this.jdbc.queryForObject("SELECT first_seq - 1 FROM audit_chain", Long.class);
		List<AuditEntry> entries = new ArrayList<>();
		for (long i = already; i < already + count; i++) {
			entries.add(new AuditEntry(AT.plus(Duration.ofDays(i)), "admin", "user.created", "user", "u" + i));
		}
		log().recordAll(entries);
	}

	private AuditLog log() {
		return new AuditLog(this.jdbc, new ObjectMapper());
	}

}
