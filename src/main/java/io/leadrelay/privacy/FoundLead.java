package io.leadrelay.privacy;

import java.time.Instant;

/**
 * One of a person's leads as a search lists it: what identifies it, not its answers.
 *
 * @param leadgenId the lead's id
 * @param receivedAt when it arrived, or {@code null}
 * @param formName its form's name, or its id, or {@code null} before its details were
 * fetched
 * @param pageName its page's name, or its id
 * @param deliveries how many deliveries it has
 * @param personalDataRemovedAt when its personal data was removed, or {@code null}
 * @param personalDataRemovedBy {@code erasure} or {@code retention}, or {@code null}
 */
public record FoundLead(String leadgenId, Instant receivedAt, String formName, String pageName, int deliveries,
		Instant personalDataRemovedAt, String personalDataRemovedBy) {

	/** Whether its personal data is gone already. */
	public boolean erased() {
		return this.personalDataRemovedAt != null;
	}

}
