package io.leadrelay.metadeletion;

import java.time.Instant;

/**
 * A data-deletion request from Meta, as recorded: no personal data.
 *
 * @param confirmationCode the code Meta shows the person, key of the status page
 * @param receivedAt when it came (and was carried out: at once)
 * @param forPage whether a Page, rather than a person, removed the app
 * @param pagesDeleted the page connections deleted
 * @param tokensDeleted the access tokens deleted with them
 */
public record MetaDataDeletion(String confirmationCode, Instant receivedAt, boolean forPage, int pagesDeleted,
		int tokensDeleted) {

	/** Whether anything was held, and so deleted. */
	public boolean deletedSomething() {
		return this.pagesDeleted + this.tokensDeleted > 0;
	}

}
