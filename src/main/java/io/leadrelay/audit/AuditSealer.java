package io.leadrelay.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the entries written since the last round into the hash chain, oldest id first.
 * Writers never wait for the chain: they insert unsealed entries, and this extends the
 * chain afterwards. Each batch holds the one row of {@code audit_chain} (SELECT ... FOR
 * UPDATE) while it reads the chain's head, seals and moves the head, so that two engines
 * sealing at once take turns and build one chain. An entry committed late (a lower id,
 * committed after higher ones were sealed) is sealed in a later round, further along.
 */
@Component
class AuditSealer {

	static final String ENTRY_COLUMNS = """
			id, occurred_at, actor, action, subject_type, subject_id, details, chain_seq, prev_hash, hash""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final int batchSize;

	AuditSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditProperties properties) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.batchSize = properties.sealBatchSize();
	}

	/**
	 * Seals every entry pending now, batch by batch.
	 * @return how many entries this call sealed
	 */
	int sealPending() {
		Long first = this.jdbc.queryForObject("SELECT MIN(id) FROM audit_event WHERE chain_seq IS NULL", Long.class);
		if (first == null) {
			return 0;
		}
		int sealed = 0;
		long from = first;
		while (true) {
			long start = from;
			List<ChainedEntry> batch = this.transaction.execute((status) -> sealBatch(start));
			sealed += batch.size();
			if (batch.size() < this.batchSize) {
				return sealed;
			}
			from = batch.get(batch.size() - 1).id() + 1;
		}
	}

	private List<ChainedEntry> sealBatch(long fromId) {
		Map<String, Object> head = this.jdbc
			.queryForMap("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1 FOR UPDATE");
		long seq = ((Number) head.get("last_seq")).longValue();
		String prevHash = (String) head.get("last_hash");
		List<ChainedEntry> pending = this.jdbc.query(
				"SELECT " + ENTRY_COLUMNS + " FROM audit_event WHERE chain_seq IS NULL AND id >= ? ORDER BY id LIMIT ?",
				AuditSealer::entry, fromId, this.batchSize);
		if (pending.isEmpty()) {
			return pending;
		}
		List<ChainedEntry> sealed = new ArrayList<>(pending.size());
		for (ChainedEntry entry : pending) {
			ChainedEntry next = entry.sealedAs(++seq, prevHash);
			sealed.add(next);
			prevHash = next.hash();
		}
		int[] updated = this.jdbc.batchUpdate(
				"UPDATE audit_event SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ? AND chain_seq IS NULL",
				sealed, sealed.size(), (statement, entry) -> {
					statement.setLong(1, entry.chainSeq());
					statement.setString(2, entry.prevHash());
					statement.setString(3, entry.hash());
					statement.setLong(4, entry.id());
				})[0];
		for (int count : updated) {
			if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
				// Gone between the read and the update: roll back, leaving the head where
				// it was.
				throw new IllegalStateException(
						"An audit entry was deleted or sealed elsewhere while it was being sealed");
			}
		}
		this.jdbc.update("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prevHash);
		return sealed;
	}

	static ChainedEntry entry(ResultSet rs, int row) throws SQLException {
		long chainSeq = rs.getLong(8);
		boolean unsealed = rs.wasNull();
		return new ChainedEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), unsealed ? null : chainSeq,
				rs.getString(9), rs.getString(10));
	}

}
