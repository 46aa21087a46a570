package io.leadrelay.page;

/**
 * A connected page changed. Published in the transaction that changed it, so that what
 * listens (the audit trail) commits or rolls back with the change.
 */
public sealed interface PageChanged {

	String pageId();

	/**
	 * A page was added, with its access token.
	 *
	 * @param pageId the page
	 * @param actor the user who added it
	 */
	record Created(String pageId, String actor) implements PageChanged {

	}

	/**
	 * A page was renamed, given a new access token, or both.
	 *
	 * @param pageId the page
	 * @param actor the user who changed it
	 * @param tokenChanged whether it got a new access token
	 */
	record Updated(String pageId, String actor, boolean tokenChanged) implements PageChanged {

	}

	/**
	 * A page was removed.
	 *
	 * @param pageId the page
	 * @param actor the user who removed it
	 */
	record Deleted(String pageId, String actor) implements PageChanged {

	}

	/**
	 * A check of the page's access token came to another verdict than the last one.
	 *
	 * @param pageId the page
	 * @param status the new verdict
	 */
	record TokenVerdictChanged(String pageId, TokenStatus status) implements PageChanged {

	}

	/**
	 * This app was installed on the page for its leads ({@code subscribed_apps}), or Meta
	 * refused to.
	 *
	 * @param pageId the page
	 * @param actor the user who connected it
	 * @param refusal what Meta said when it refused, {@code null} when it was installed
	 */
	record AppInstalled(String pageId, String actor, String refusal) implements PageChanged {

	}

	/**
	 * This app was removed from the page as it was disconnected, or Meta refused to.
	 *
	 * @param pageId the page
	 * @param actor the user who disconnected it
	 * @param refusal what Meta said when it refused, {@code null} when it was removed
	 */
	record AppUninstalled(String pageId, String actor, String refusal) implements PageChanged {

	}

}
