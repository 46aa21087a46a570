package io.leadrelay.backfill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.backfill.FormReader.FormRead;
import io.leadrelay.graph.GraphClient;
import io.leadrelay.graph.GraphResult;
import io.leadrelay.page.PageNotFoundException;
import io.leadrelay.page.PageView;
import io.leadrelay.page.Pages;
import io.leadrelay.page.TokenStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reconciliation: reads every active form's leads from the Graph API and stores those the
 * webhook never delivered (Meta drops notifications after 36 hours of failures, and
 * subscriptions break). Stored once per leadgen id, whichever way a lead came first.
 */
@Component("backfill")
public class Backfill {

	private static final Logger log = LoggerFactory.getLogger(Backfill.class);

	private final Pages pages;

	private final GraphClient graph;

	private final FormReader reader;

	private final BackfillProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	Backfill(Pages pages, GraphClient graph, FormReader reader, BackfillProperties properties, AuditLog audit,
			Clock clock) {
		this.pages = pages;
		this.graph = graph;
		this.reader = reader;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Poll every page whose token may read leads; called by the {@code backfill-poll}
	 * route.
	 */
	public void runAll() {
		for (PageView page : this.pages.list()) {
			if (TokenStatus.NEEDS_TOKEN.code().equals(page.tokenStatus())) {
				continue;
			}
			try {
				BackfillResult result = run(page.pageId(), null, "system");
				if (result.leadsAdded() > 0 || !result.problems().isEmpty()) {
					log.info("Reconciliation of page {}: {}", page.pageId(), result);
				}
			}
			catch (RuntimeException ex) {
				// One broken page (say, a token encrypted with a key since removed) must
				// not stop the others.
				log.error("Reconciliation of page {} failed", page.pageId(), ex);
			}
		}
	}

	/**
	 * Read the page's active forms' leads created since {@code since}, or, when it is
	 * {@code null}, since each form's watermark (see {@link FormReader}).
	 */
	public BackfillResult run(String pageId, Instant since, String actor) {
		String token = this.pages.accessToken(pageId).orElseThrow(() -> new PageNotFoundException(pageId));
		List<String> problems = new ArrayList<>();
		GraphResult<List<String>> forms = this.graph.activeForms(pageId, token);
		int found = 0;
		int added = 0;
		int checked = 0;
		if (forms instanceof GraphResult.Success<List<String>> success) {
			for (String formId : success.value()) {
				int[] counts = readForm(pageId, formId, token, since, problems);
				found += counts[0];
				added += counts[1];
				checked++;
			}
		}
		else {
			problems.add("The page's forms could not be listed: " + failed(pageId, forms));
		}
		BackfillResult result = new BackfillResult(pageId, checked, found, added, List.copyOf(problems));
		this.audit.record(new AuditEntry(this.clock.instant(), actor, "page.backfill", "page", pageId,
				AuditDetails.of("forms", checked, "found", found, "added", added, "problems", problems.size())));
		return result;
	}

	/** Returns {leads found, leads added}. */
	private int[] readForm(String pageId, String formId, String token, Instant since, List<String> problems) {
		FormRead read = this.reader.read(pageId, formId, token, since);
		if (read.failure() != null) {
			problems.add("Form " + formId + ": " + failed(pageId, read.failure()));
		}
		else if (read.capped()) {
			problems.add("Form " + formId + ": stopped at leadrelay.backfill.max-pages-per-form ("
					+ this.properties.maxPagesPerForm() + " pages); " + ((since != null)
							? "not all its leads since " + since + " were read" : "the next polls read the rest"));
		}
		return new int[] { read.found(), read.added() };
	}

	private String failed(String pageId, GraphResult<?> failure) {
		if (failure instanceof GraphResult.TokenInvalid<?> invalid) {
			this.pages.recordTokenCheck(pageId, TokenStatus.NEEDS_TOKEN, invalid.message(), null);
		}
		return failure.toString();
	}

}
