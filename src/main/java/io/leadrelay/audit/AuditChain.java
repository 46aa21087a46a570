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

	private final JdbcTemplate jdbc;

	private final AuditSealer sealer;

	AuditChain(JdbcTemplate jdbc, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	/**
	 * Seals what is pending, then walks the chain from its first entry to its head,
	 * {@value #PAGE} entries at a time, recomputing each hash and checking each link.
	 */
	public ChainVerdict verify() {
		sealPending();
		Map<String, Object> head = this.jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1");
		long lastSeq = ((Number) head.get("last_seq")).longValue();
		ChainWalk walk = new ChainWalk();
		long after = 0;
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
