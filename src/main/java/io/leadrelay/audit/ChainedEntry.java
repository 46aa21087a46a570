package io.leadrelay.audit;

import java.time.Instant;

/**
 * An audit entry as stored, with its seal: its place in the chain, the hash of the entry
 * before it and its own hash, all {@code null} until {@link AuditSealer} seals it.
 */
record ChainedEntry(long id, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
		String details, Long chainSeq, String prevHash, String hash) {

	/**
	 * This entry sealed as the chain's entry {@code chainSeq}, after {@code prevHash}.
	 */
	ChainedEntry sealedAs(long chainSeq, String prevHash) {
		return new ChainedEntry(this.id, this.occurredAt, this.actor, this.action, this.subjectType, this.subjectId,
				this.details, chainSeq, prevHash, ChainHash.of(this, chainSeq, prevHash));
	}

	/** Whether its stored hash is still the hash of what is stored. */
	boolean unchanged() {
		return this.chainSeq != null && this.prevHash != null
				&& ChainHash.of(this, this.chainSeq, this.prevHash).equals(this.hash);
	}

}
