package io.leadrelay.page.web;

import java.time.Instant;

import io.leadrelay.page.PageView;
import io.leadrelay.page.TokenStatus;

/**
 * A page as its row on the pages page shows it: the token's state in words.
 *
 * @param page the page
 * @param status the token's state in words, such as "Working"
 * @param badge the Bootstrap colour of its badge
 * @param needsReconnect whether Meta stopped accepting the token, or it lacks a
 * permission: the page must be connected again
 * @param expiresNever whether the token works and does not expire
 */
record PageRow(PageView page, String status, String badge, boolean needsReconnect, boolean expiresNever) {

	static PageRow of(PageView page, Instant now) {
		TokenStatus status = TokenStatus.valueOf(page.tokenStatus().toUpperCase(java.util.Locale.ROOT));
		return switch (status) {
			case VALID -> new PageRow(page, "Working", "text-bg-success", false, page.tokenExpiresAt() == null);
			case MISSING_SCOPES -> new PageRow(page, "Missing a permission", "text-bg-warning", true, false);
			case NEEDS_TOKEN -> (page.tokenExpiresAt() != null && page.tokenExpiresAt().isBefore(now))
					? new PageRow(page, "Expired", "text-bg-danger", true, false)
					: new PageRow(page, "Refused by Meta", "text-bg-danger", true, false);
			default -> new PageRow(page, "Not checked yet", "text-bg-secondary", false, false);
		};
	}

}
