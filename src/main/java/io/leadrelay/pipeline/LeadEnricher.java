package io.leadrelay.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.leadrelay.graph.GraphClient;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.graph.GraphResult;
import io.leadrelay.page.Pages;
import io.leadrelay.page.TokenStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline's enrich step for claimed lead events of one page: read the leads from the
 * Graph API with the page's token, together (their answers, and the names of their form,
 * ad, ad set and campaign), and hand each to the {@link LeadMapper}. A failure parks,
 * retries or fails the event; it never loses it.
 */
@Component
class LeadEnricher {

	private static final Logger log = LoggerFactory.getLogger(LeadEnricher.class);

	/** What the lead's event and audit entry say; never the person's data. */
	static final String SUPPRESSED = "lead suppressed (erased person)";

	private final LeadEventQueue queue;

	private final Pages pages;

	private final GraphClient graph;

	private final LeadMapper mapper;

	private final TransactionTemplate transactions;

	private final PipelineProperties properties;

	private final Clock clock;

	private final List<SuppressedPeople> suppressed;

	LeadEnricher(LeadEventQueue queue, Pages pages, GraphClient graph, LeadMapper mapper,
			TransactionTemplate transactions, PipelineProperties properties, Clock clock,
			List<SuppressedPeople> suppressed) {
		this.suppressed = suppressed;
		this.queue = queue;
		this.pages = pages;
		this.graph = graph;
		this.mapper = mapper;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What can be settled before the Graph API is asked: an erased person's lead is
	 * suppressed, a page without a token parks its leads.
	 * @return the leads (of one page) left to read with the page's token
	 */
	PageRead prepare(String pageId, List<ClaimedLeadEvent> events) {
		List<ClaimedLeadEvent> left = new ArrayList<>(events.size());
		SuppressedPeople suppressed = null;
		for (ClaimedLeadEvent event : events) {
			try {
				suppressed = (suppressed != null) ? suppressed : suppressedNow();
				if (suppressed.suppressed(event.leadgenId(), Map.of())) {
					finish(event, LeadEventStatus.SUPPRESSED, SUPPRESSED);
				}
				else {
					left.add(event);
				}
			}
			catch (RuntimeException ex) {
				failedUnexpectedly(event, ex);
			}
		}
		Optional<String> token = left.isEmpty() ? Optional.empty() : this.pages.accessToken(pageId);
		if (token.isEmpty()) {
			left.forEach((event) -> finish(event, LeadEventStatus.NEEDS_TOKEN,
					"page " + pageId + " is not registered: add it with its access token"));
			return new PageRead(null, List.of());
		}
		return new PageRead(token.get(), List.copyOf(left));
	}

	/** Reads the leads from the Graph API, in one call. */
	List<GraphResult<GraphLead>> read(PageRead read) {
		return read.events().isEmpty() ? List.of()
				: this.graph.fetchLeads(read.events().stream().map(ClaimedLeadEvent::leadgenId).toList(), read.token());
	}

	/**
	 * Ends one lead's enrichment with what the Graph API answered for it: mapped (or
	 * suppressed), parked, retried or failed, each in the lead's own transaction.
	 */
	void complete(ClaimedLeadEvent event, GraphResult<GraphLead> result) {
		completeAll(List.of(event), List.of(result));
	}

	/**
	 * Ends the enrichment of the leads of one Graph API read: those read are mapped
	 * together ({@link LeadMapper#mapAll}), in one transaction; if it fails, each alone.
	 * The others are parked, retried or failed, each in its own transaction.
	 * @param events the leads' events, each with its result at the same index
	 */
	void completeAll(List<ClaimedLeadEvent> events, List<GraphResult<GraphLead>> results) {
		SuppressedPeople suppressed = null;
		List<ClaimedLeadEvent> readEvents = new ArrayList<>(events.size());
		List<GraphLead> read = new ArrayList<>(events.size());
		for (int index = 0; index < events.size(); index++) {
			ClaimedLeadEvent event = events.get(index);
			try {
				if (results.get(index) instanceof GraphResult.Success<GraphLead> success) {
					suppressed = (suppressed != null) ? suppressed : suppressedNow();
					if (suppressed.suppressed(event.leadgenId(), success.value().answers())) {
						finish(event, LeadEventStatus.SUPPRESSED, SUPPRESSED);
					}
					else {
						readEvents.add(event);
						read.add(success.value());
					}
				}
				else {
					notRead(event, results.get(index));
				}
			}
			catch (RuntimeException ex) {
				failedUnexpectedly(event, ex);
			}
		}
		if (readEvents.size() > 1) {
			try {
				this.mapper.mapAll(readEvents, read);
				return;
			}
			catch (RuntimeException ex) {
				log.warn("{} leads could not be mapped together ({}); mapping them one by one", readEvents.size(),
						ex.getClass().getSimpleName());
			}
		}
		for (int index = 0; index < readEvents.size(); index++) {
			try {
				this.mapper.map(readEvents.get(index), read.get(index));
			}
			catch (RuntimeException ex) {
				failedUnexpectedly(readEvents.get(index), ex);
			}
		}
	}

	private void notRead(ClaimedLeadEvent event, GraphResult<GraphLead> result) {
		if (result instanceof GraphResult.TokenInvalid<GraphLead> invalid) {
			this.pages.recordTokenCheck(event.pageId(), TokenStatus.NEEDS_TOKEN, invalid.message(), null);
			finish(event, LeadEventStatus.NEEDS_TOKEN, invalid.message());
		}
		else if (result instanceof GraphResult.RateLimited<GraphLead> limited) {
			Duration wait = max(limited.retryAfter(), delay(event));
			this.queue.retryLater(event, this.clock.instant().plus(wait), limited.message());
		}
		else if (result instanceof GraphResult.Transient<GraphLead> passing) {
			retryOrFail(event, passing.message());
		}
		else if (result instanceof GraphResult.Failed<GraphLead> failed) {
			finish(event, LeadEventStatus.FAILED, failed.message());
		}
	}

	private void failedUnexpectedly(ClaimedLeadEvent event, RuntimeException ex) {
		log.error("Lead {} could not be processed; it will be tried again", event.leadgenId(), ex);
		retryOrFail(event, "unexpected " + ex.getClass().getSimpleName());
	}

	/**
	 * Whether a lead is an erased person's, for the leads checked now. Their answers are
	 * dropped unread: they are neither kept nor logged.
	 */
	private SuppressedPeople suppressedNow() {
		List<SuppressedPeople> checks = this.suppressed.stream().map(SuppressedPeople::forGroup).toList();
		return (leadgenId, answers) -> checks.stream().anyMatch((people) -> people.suppressed(leadgenId, answers));
	}

	private void retryOrFail(ClaimedLeadEvent event, String reason) {
		Instant giveUp = event.receivedAt().plus(this.properties.retryHorizon());
		Instant next = this.clock.instant().plus(delay(event));
		if (next.isAfter(giveUp)) {
			finish(event, LeadEventStatus.FAILED, "gave up after " + this.properties.retryHorizon() + ": " + reason);
		}
		else {
			this.queue.retryLater(event, next, reason);
		}
	}

	private Duration delay(ClaimedLeadEvent event) {
		return this.properties.retryDelay(event.attempts() + 1, ThreadLocalRandom.current().nextDouble());
	}

	private void finish(ClaimedLeadEvent event, LeadEventStatus status, String message) {
		this.transactions.executeWithoutResult((tx) -> this.queue.finish(event, status, message));
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * Leads of one page to read with its token.
	 *
	 * @param token the page's access token
	 * @param events the leads, at most a Graph API batch
	 */
	record PageRead(String token, List<ClaimedLeadEvent> events) {

		@Override
		public String toString() {
			return "PageRead[" + this.events.size() + " leads]";
		}

	}

}
