package io.leadrelay.page;

import java.util.List;

import io.leadrelay.graph.GraphClient;
import io.leadrelay.graph.GraphResult;
import io.leadrelay.graph.TokenInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Checks page tokens with Meta's {@code debug_token}: when a page is saved, and on the
 * schedule of the {@code page-token-checks} route. A failed check (Meta unreachable)
 * keeps the previous verdict.
 */
@Component("pageTokenChecks")
public class PageTokenChecks {

	/** What fetching leads needs of a page token. */
	static final List<String> REQUIRED_SCOPES = List.of("leads_retrieval");

	private static final Logger log = LoggerFactory.getLogger(PageTokenChecks.class);

	private final Pages pages;

	private final GraphClient graph;

	PageTokenChecks(Pages pages, GraphClient graph) {
		this.pages = pages;
		this.graph = graph;
	}

	/** Check every page's token; called by the route. */
	public void checkAll() {
		for (PageView page : this.pages.list()) {
			try {
				check(page.pageId());
			}
			catch (RuntimeException ex) {
				log.error("The token of page {} could not be checked", page.pageId(), ex);
			}
		}
	}

	public PageView check(String pageId) {
		String token = this.pages.accessToken(pageId).orElseThrow(() -> new PageNotFoundException(pageId));
		GraphResult<TokenInfo> result = this.graph.debugToken(token);
		if (result instanceof GraphResult.Success<TokenInfo> success) {
			record(pageId, success.value());
		}
		else if (result instanceof GraphResult.TokenInvalid<TokenInfo> invalid) {
			this.pages.recordTokenCheck(pageId, TokenStatus.NEEDS_TOKEN, invalid.message(), null);
		}
		else {
			log.warn("Could not check the token of page {}: {}", pageId, result);
			this.pages.recordTokenCheck(pageId, TokenStatus.CHECK_FAILED, "The token could not be checked: " + result,
					null);
		}
		return this.pages.get(pageId);
	}

	private void record(String pageId, TokenInfo info) {
		if (!info.valid()) {
			this.pages.recordTokenCheck(pageId, TokenStatus.NEEDS_TOKEN,
					(info.message() != null) ? info.message() : "Meta says the token is not valid", info.expiresAt());
			return;
		}
		List<String> missing = info.missingScopes(REQUIRED_SCOPES);
		if (!missing.isEmpty()) {
			this.pages.recordTokenCheck(pageId, TokenStatus.MISSING_SCOPES,
					"The token lacks the permission " + String.join(", ", missing), info.expiresAt());
			return;
		}
		this.pages.recordTokenCheck(pageId, TokenStatus.VALID, null, info.expiresAt());
	}

}
