package io.leadrelay.page;

/**
 * A page was added or got a new access token: leads parked for want of a token may be
 * fetched again.
 *
 * @param pageId the page
 */
public record PageTokenChanged(String pageId) {

}
