package io.leadrelay.audit;

/**
 * What checking the audit trail's hash chain found.
 *
 * @param intact whether every sealed entry is as it was written, and none is missing
 * @param checked how many entries were checked (up to and including the first broken one)
 * @param firstBroken the first broken link, or {@code null} when the chain is intact
 */
public record ChainVerdict(boolean intact, long checked, BrokenLink firstBroken) {

	static ChainVerdict intact(long checked) {
		return new ChainVerdict(true, checked, null);
	}

	static ChainVerdict broken(long checked, BrokenLink link) {
		return new ChainVerdict(false, checked, link);
	}

	/** The verdict in a sentence, as the audit page shows it. */
	public String summary() {
		if (this.intact) {
			return "Intact: " + this.checked + ((this.checked == 1) ? " entry" : " entries")
					+ " checked, none changed or missing.";
		}
		String which = (this.firstBroken.id() != null)
				? "Entry " + this.firstBroken.id() + " (number " + this.firstBroken.chainSeq() + " in the chain)"
				: "After number " + (this.firstBroken.chainSeq() - 1) + " in the chain";
		return "Broken: " + which + ": " + this.firstBroken.problem() + ". Checked " + this.checked
				+ ((this.checked == 1) ? " entry." : " entries.");
	}

	/**
	 * Where the chain breaks first.
	 *
	 * @param id the entry's id, or {@code null} when the newest entries are missing
	 * @param chainSeq its place in the chain (for missing entries, the first one missing)
	 * @param problem what is wrong, in words
	 */
	public record BrokenLink(Long id, long chainSeq, String problem) {

		static final String CHANGED = "its content was changed after it was written";

		static final String MISSING_BEFORE = "the entry before it is missing or was replaced";

		static final String MISSING_AT_END = "the newest entries of the chain are missing or were replaced";

	}

}
