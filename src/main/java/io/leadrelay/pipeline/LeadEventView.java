package io.leadrelay.pipeline;

import java.time.Instant;

/**
 * A stored lead event as the API shows it.
 *
 * @param leadgenId the lead's id at Meta
 * @param pageId the page it belongs to
 * @param formId its lead form, when known
 * @param adId its ad, absent for organic and test leads
 * @param adgroupId its ad under Meta's legacy name ({@code adgroup_id}), when known
 * @param createdTime when the person submitted the form, when known
 * @param receivedAt when LeadRelay stored it
 * @param status where the lead stands
 * @param source how it reached LeadRelay: {@code webhook} or {@code backfill}
 */
public record LeadEventView(String leadgenId, String pageId, String formId, String adId, String adgroupId,
		Instant createdTime, Instant receivedAt, String status, String source) {

}
