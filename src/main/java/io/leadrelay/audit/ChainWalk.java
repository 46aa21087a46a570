package io.leadrelay.audit;

import java.util.Objects;

import io.leadrelay.audit.ChainVerdict.BrokenLink;

/**
 * Checks sealed entries one by one in chain order, holding only the link before: each
 * entry's hash must still be the hash of its content, its place must follow the one
 * before, and its "hash before" must be that entry's hash.
 */
final class ChainWalk {

	private long expectedSeq;

	private String expectedPrevHash;

	private long checked;

	private BrokenLink broken;

	/** A walk from the chain's first entry. */
	ChainWalk() {
		this(1, ChainHash.GENESIS);
	}

	/**
	 * A walk from the oldest entry kept, after the retention purge deleted the ones
	 * before it: that entry must be number {@code firstSeq} and follow
	 * {@code firstPrevHash}, the hash of the last entry deleted.
	 */
	ChainWalk(long firstSeq, String firstPrevHash) {
		this.expectedSeq = firstSeq;
		this.expectedPrevHash = firstPrevHash;
	}

	/** Checks the next entry; {@code false} once the chain is broken. */
	boolean check(ChainedEntry entry) {
		if (this.broken != null) {
			return false;
		}
		this.checked++;
		if (!entry.unchanged()) {
			this.broken = new BrokenLink(entry.id(), entry.chainSeq(), BrokenLink.CHANGED);
		}
		else if (entry.chainSeq() != this.expectedSeq || !entry.prevHash().equals(this.expectedPrevHash)) {
			this.broken = new BrokenLink(entry.id(), entry.chainSeq(), BrokenLink.MISSING_BEFORE);
		}
		else {
			this.expectedSeq++;
			this.expectedPrevHash = entry.hash();
		}
		return this.broken == null;
	}

	/**
	 * The verdict, given the chain's head as sealed: the walk must have ended on it, else
	 * its newest entries are gone.
	 */
	ChainVerdict end(long lastSeq, String lastHash) {
		if (this.broken != null) {
			return ChainVerdict.broken(this.checked, this.broken);
		}
		if (this.expectedSeq - 1 != lastSeq || !Objects.equals(this.expectedPrevHash, lastHash)) {
			return ChainVerdict.broken(this.checked, new BrokenLink(null, this.expectedSeq, BrokenLink.MISSING_AT_END));
		}
		return ChainVerdict.intact(this.checked);
	}

}
