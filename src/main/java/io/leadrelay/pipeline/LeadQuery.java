package io.leadrelay.pipeline;

import java.time.Instant;

/**
 * Which leads to list, and which slice of them; {@code null} parts do not filter.
 *
 * @param leadgenId exact leadgen id
 * @param pageId exact page id
 * @param formId exact form id
 * @param status exact status
 * @param platform {@code facebook} or {@code instagram}, as Meta names it
 * @param from received at or after
 * @param to received before
 * @param search an email, a phone number or words of a name ({@link LeadContacts#search})
 * @param before only leads older than this cursor (the next, older, slice)
 * @param after only leads newer than this cursor (the previous, newer, slice)
 * @param size how many leads a slice holds
 */
public record LeadQuery(String leadgenId, String pageId, String formId, LeadEventStatus status, String platform,
		Instant from, Instant to, String search, Long before, Long after, int size) {

	/** The same filters, another slice. */
	public LeadQuery slice(Long before, Long after) {
		return new LeadQuery(this.leadgenId, this.pageId, this.formId, this.status, this.platform, this.from, this.to,
				this.search, before, after, this.size);
	}

}
