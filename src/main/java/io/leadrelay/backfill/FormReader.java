package io.leadrelay.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.leadrelay.backfill.FormWatermarks.Watermark;
import io.leadrelay.graph.GraphClient;
import io.leadrelay.graph.GraphResult;
import io.leadrelay.graph.LeadsPage;
import io.leadrelay.ingest.BackfilledLead;
import io.leadrelay.ingest.LeadEventInbox;

import org.springframework.stereotype.Component;

/**
 * Reads one form's leads in time windows, and moves its watermark only past windows read
 * to their last page.
 * <p>
 * Why windows: Meta documents neither the order in which {@code /{form-id}/leads} lists
 * leads nor a way to sort them (protocols.md, section 2.2), and its paging guide says
 * apps should not store cursors. So when a read stops early (page cap, error), nothing is
 * known of the leads not yet listed, except that they lie in the window being read: the
 * newest or the oldest lead read is no safe watermark. The watermark stays, and a window
 * too large for the page cap is halved for the next poll; windows that fit grow again.
 * Every poll thus completes a window or narrows one (down to one second, which no form
 * fills with max-pages-per-form pages of 100 leads), so a backlog is always caught up.
 */
@Component
class FormReader {

	private final GraphClient graph;

	private final LeadEventInbox inbox;

	private final FormWatermarks watermarks;

	private final BackfillProperties properties;

	private final Clock clock;

	FormReader(GraphClient graph, LeadEventInbox inbox, FormWatermarks watermarks, BackfillProperties properties,
			Clock clock) {
		this.graph = graph;
		this.inbox = inbox;
		this.watermarks = watermarks;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Read the form's leads created since {@code since}, or, when it is {@code null},
	 * since its watermark.
	 */
	FormRead read(String pageId, String formId, String token, Instant since) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Optional<Watermark> mark = this.watermarks.of(formId);
		Instant watermark = mark.map(Watermark::readUntil).orElse(now.minus(this.properties.initialLookback()));
		Tally tally = new Tally(this.properties.maxPagesPerForm());
		if (since != null) {
			Instant from = since.truncatedTo(ChronoUnit.SECONDS);
			boolean complete = readWindow(pageId, formId, token, from, now, tally);
			// A read that begins after the watermark leaves the leads in between unread.
			if (complete && !from.isAfter(watermark)) {
				this.watermarks.record(formId, pageId, from, settled(now), null);
			}
			return tally.result(!complete);
		}
		Instant end = mark.map(Watermark::nextWindowEnd)
			.filter((hint) -> hint.isAfter(watermark) && hint.isBefore(now))
			.orElse(now);
		return poll(pageId, formId, token, watermark, end, now, tally);
	}

	/**
	 * Read window after window from the watermark to the time of the poll, while pages
	 * are left.
	 */
	private FormRead poll(String pageId, String formId, String token, Instant watermark, Instant firstEnd, Instant now,
			Tally tally) {
		Instant from = watermark;
		Instant end = firstEnd;
		while (readWindow(pageId, formId, token, from, end, tally)) {
			// A window read completely: the next may be twice as long.
			Instant grown = end.plus(Duration.between(from, end).multipliedBy(2));
			Instant next = grown.isBefore(now) ? grown : null;
			this.watermarks.record(formId, pageId, watermark, earliest(end, settled(now)), next);
			if (end.equals(now)) {
				return tally.result(false);
			}
			if (tally.pagesLeft == 0) {
				return tally.result(true);
			}
			from = end;
			end = (next != null) ? next : now;
		}
		if (tally.failure == null) {
			// Stopped by the page cap: the next poll reads the first half of this window.
			Instant half = from.plus(Duration.between(from, end).dividedBy(2).truncatedTo(ChronoUnit.SECONDS));
			this.watermarks.record(formId, pageId, watermark, earliest(from, settled(now)),
					half.isAfter(from) ? half : from.plusSeconds(1));
		}
		return tally.result(tally.failure == null);
	}

	/** Leads may be reported late: the watermark stays an overlap behind the poll. */
	private Instant settled(Instant now) {
		return now.minus(this.properties.overlap());
	}

	/** Whether the window was read to its last page. */
	private boolean readWindow(String pageId, String formId, String token, Instant from, Instant until, Tally tally) {
		String cursor = null;
		do {
			if (tally.pagesLeft == 0) {
				return false;
			}
			GraphResult<LeadsPage> answer = this.graph.formLeads(formId, token, from, until, cursor);
			if (!(answer instanceof GraphResult.Success<LeadsPage> page)) {
				tally.failure = answer;
				return false;
			}
			List<BackfilledLead> leads = page.value()
				.leads()
				.stream()
				.map((lead) -> new BackfilledLead(lead.leadgenId(), pageId, formId, lead.adId(), lead.createdTime()))
				.toList();
			tally.found += leads.size();
			tally.added += this.inbox.storeBackfilled(leads);
			tally.pagesLeft--;
			cursor = page.value().nextCursor();
		}
		while (cursor != null);
		return true;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * What reading a form came to.
	 *
	 * @param found how many leads the Graph API listed
	 * @param added how many of them were new
	 * @param failure the Graph API's answer that stopped the read, or {@code null}
	 * @param capped whether the page cap stopped the read before it reached the time of
	 * the poll
	 */
	record FormRead(int found, int added, GraphResult<?> failure, boolean capped) {

	}

	private static final class Tally {

		int pagesLeft;

		int found;

		int added;

		GraphResult<?> failure;

		Tally(int pages) {
			this.pagesLeft = pages;
		}

		FormRead result(boolean capped) {
			return new FormRead(this.found, this.added, this.failure, capped);
		}

	}

}
