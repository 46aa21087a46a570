package io.leadrelay.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the audit trail's oldest entries once they are older than its retention window,
 * without breaking its hash chain: entries go oldest first in chain order, and the
 * chain's recorded start (first_seq, first_prev_hash in {@code audit_chain}) moves past
 * them in the same transaction, so {@link AuditChain#verify()} starts at the oldest entry
 * kept. Deleting from the start any other way (or from the middle) still shows as a
 * broken chain.
 */
@Service
public class AuditRetention {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	AuditRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Deletes, in one short transaction, up to {@code max} of the oldest sealed entries
	 * that happened before {@code before}, stopping at the first newer one in chain
	 * order. Holds the chain's head row meanwhile, as sealing does; writers never wait.
	 * @return how many entries it deleted: fewer than {@code max} when no more are due
	 */
	public int deleteOldest(Instant before, int max) {
		Integer deleted = this.transaction.execute((status) -> {
			Map<String, Object> head = this.jdbc
				.queryForMap("SELECT first_seq, last_seq FROM audit_chain WHERE id = 1 FOR UPDATE");
			long first = ((Number) head.get("first_seq")).longValue();
			long last = Math.min(((Number) head.get("last_seq")).longValue(), first + max - 1);
			List<Link> oldest = this.jdbc.query("""
					SELECT chain_seq, hash, occurred_at FROM audit_event WHERE chain_seq >= ? AND chain_seq <= ?
					ORDER BY chain_seq""", (rs, row) -> new Link(rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()), first, last);
			long through = first - 1;
			String lastHash = null;
			for (Link entry : oldest) {
				if (entry.seq() != through + 1 || !entry.occurredAt().isBefore(before)) {
					break;
				}
				through = entry.seq();
				lastHash = entry.hash();
			}
			if (lastHash == null) {
				return 0;
			}
			int gone = this.jdbc.update("DELETE FROM audit_event WHERE chain_seq >= ? AND chain_seq <= ?", first,
					through);
			this.jdbc.update("UPDATE audit_chain SET first_seq = ?, first_prev_hash = ? WHERE id = 1", through + 1,
					lastHash);
			return gone;
		});
		return (deleted != null) ? deleted : 0;
	}

	private record Link(long seq, String hash, Instant occurredAt) {
	}

}
