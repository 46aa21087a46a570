package io.leadrelay.audit;

import java.util.List;
import java.util.Map;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks that the audit trail is as it was written: no entry changed, none missing, none
 * put in between.
 */
@Service
public class AuditChain {

	private static final int PAGE = 1000;

	private static final int SEAL_TRIES = 5;

	private static final int WALKS = 3;

	private final JdbcTemplate jdbc;

	private final AuditSealer sealer;

	AuditChain(JdbcTemplate jdbc, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	/**
	 * Seals what is pending, then walks the chain from its oldest entry kept (the first,
	 * unless the retention purge deleted older ones) to its head, {@value #PAGE} entries
	 * at a time, recomputing each hash and checking each link. A walk that the purge
	 * overtook (it deleted entries the walk had not reached) starts again from the new
	 * start.
	 */
	public ChainVerdict verify() {
		sealPending();
		for (int walks = 1;; walks++) {
			Map<String, Object> head = this.jdbc
				.queryForMap("SELECT first_seq, first_prev_hash, last_seq, last_hash FROM audit_chain WHERE id = 1");
			ChainVerdict verdict = walk(head);
			long first = ((Number) head.get("first_seq")).longValue();
			if (verdict.intact() || walks == WALKS || firstSeq() == first) {
				return verdict;
			}
		}
	}

	private ChainVerdict walk(Map<String, Object> head) {
		long lastSeq = ((Number) head.get("last_seq")).longValue();
		long firstSeq = ((Number) head.get("first_seq")).longValue();
		ChainWalk walk = new ChainWalk(firstSeq, (String) head.get("first_prev_hash"));
		long after = firstSeq - 1;
		while (after < lastSeq) {
			List<ChainedEntry> page = this.jdbc.query(
					"SELECT " + AuditSealer.ENTRY_COLUMNS
							+ " FROM audit_event WHERE chain_seq > ? AND chain_seq <= ? ORDER BY chain_seq LIMIT ?",
					AuditSealer::entry, after, lastSeq, PAGE);
			if (page.isEmpty()) {
				break;
			}
			for (ChainedEntry entry : page) {
				if (!walk.check(entry)) {
					return walk.end(lastSeq, (String) head.get("last_hash"));
				}
			}
			after = page.get(page.size() - 1).chainSeq();
		}
		return walk.end(lastSeq, (String) head.get("last_hash"));
	}

	private long firstSeq() {
		return this.jdbc.queryForObject("SELECT first_seq FROM audit_chain WHERE id = 1", Long.class);
	}

	private void sealPending() {
		for (int tries = 1;; tries++) {
			try {
				this.sealer.sealPending();
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (tries == SEAL_TRIES) {
					throw ex;
				}
			}
		}
	}

}
