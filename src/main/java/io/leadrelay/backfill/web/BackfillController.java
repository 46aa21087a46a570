package io.leadrelay.backfill.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.leadrelay.backfill.Backfill;
import io.leadrelay.backfill.BackfillResult;
import io.leadrelay.meta.FacebookIds;
import io.leadrelay.web.InvalidRequestException;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/pages/{pageId}/backfill}: read the page's forms' leads now and
 * store those the webhook missed.
 */
@RestController
class BackfillController {

	private final Backfill backfill;

	private final Clock clock;

	BackfillController(Backfill backfill, Clock clock) {
		this.backfill = backfill;
		this.clock = clock;
	}

	@PostMapping("/api/v1/pages/{pageId}/backfill")
	BackfillResult backfill(@PathVariable String pageId, @RequestParam(required = false) String since, Principal user) {
		if (!FacebookIds.isPageId(pageId)) {
			throw new InvalidRequestException("pageId", "pageId must be " + FacebookIds.PAGE_ID_RULE);
		}
		return this.backfill.run(pageId, since(since), user.getName());
	}

	private Instant since(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		Instant since;
		try {
			since = Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException("since",
					"since must be an ISO-8601 instant such as 2026-11-20T00:00:00Z");
		}
		if (since.isAfter(this.clock.instant())) {
			throw new InvalidRequestException("since", "since must not be in the future");
		}
		return since;
	}

}
