package io.leadrelay.page;

import java.util.Locale;

/**
 * What the last check of a page's access token found.
 */
public enum TokenStatus {

	/** Not checked yet. */
	UNCHECKED,

	/** Valid, with every permission lead retrieval needs. */
	VALID,

	/** Valid but lacking a permission such as {@code leads_retrieval}. */
	MISSING_SCOPES,

	/** Expired or revoked: leads of this page wait until the token is replaced. */
	NEEDS_TOKEN,

	/** Meta could not be asked (rate limit or outage); the previous verdict stands. */
	CHECK_FAILED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
