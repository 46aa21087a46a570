package io.leadrelay.alert.checks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadrelay.alert.AlertCheck;
import io.leadrelay.alert.AlertCondition;
import io.leadrelay.page.PageView;
import io.leadrelay.page.Pages;
import io.leadrelay.page.TokenStatus;

import org.springframework.stereotype.Component;

/**
 * A page whose access token Meta refused (expired, revoked, or lacking a permission lead
 * retrieval needs) at its last check, or whose token expires within
 * {@code leadrelay.alert-checks.token-expires-within}. Tokens that never expire never
 * alert.
 */
@Component
class PageTokenCheck implements AlertCheck {

	static final String REFUSED = "page-token-refused";

	static final String MISSING_PERMISSION = "page-token-missing-permission";

	static final String EXPIRING = "page-token-expiring";

	private static final String FIX = " Open Pages and connect the page again with Facebook (or paste a new page token).";

	private final Pages pages;

	private final AlertChecksProperties properties;

	private final Clock clock;

	PageTokenCheck(Pages pages, AlertChecksProperties properties, Clock clock) {
		this.pages = pages;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public List<AlertCondition> check() {
		Instant now = this.clock.instant();
		Instant soon = now.plus(this.properties.tokenExpiresWithin());
		List<AlertCondition> conditions = new ArrayList<>();
		for (PageView page : this.pages.list()) {
			String status = page.tokenStatus();
			if (TokenStatus.NEEDS_TOKEN.code().equals(status)) {
				conditions.add(condition(REFUSED, page, "Meta refuses the token of page " + page.name(),
						"Leads of this page cannot be fetched and wait until its token is replaced" + reason(page) + "."
								+ FIX));
			}
			else if (TokenStatus.MISSING_SCOPES.code().equals(status)) {
				conditions
					.add(condition(MISSING_PERMISSION, page, "The token of page " + page.name() + " lacks a permission",
							"Leads of this page cannot be fetched until its token has every permission lead retrieval "
									+ "needs" + reason(page) + "." + FIX));
			}
			else if (page.tokenExpiresAt() != null && page.tokenExpiresAt().isBefore(soon)) {
				boolean expired = !page.tokenExpiresAt().isAfter(now);
				conditions.add(condition(EXPIRING, page,
						"The token of page " + page.name() + (expired ? " expired on " : " expires on ")
								+ Wording.minute(page.tokenExpiresAt()),
						"Meta's page tokens last about 60 days; once expired, leads of this page can no longer be "
								+ "fetched and wait until the token is replaced." + FIX));
			}
		}
		return conditions;
	}

	private static String reason(PageView page) {
		return (page.tokenMessage() != null && !page.tokenMessage().isBlank())
				? " (Meta said: " + page.tokenMessage() + ")" : "";
	}

	private static AlertCondition condition(String kind, PageView page, String title, String detail) {
		return new AlertCondition(kind + ":" + page.pageId(), kind, title, detail, "/pages");
	}

}
