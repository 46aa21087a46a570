package io.leadrelay.pipeline;

import java.time.Instant;

/**
 * A lead as the leads list shows it: what Meta told at the webhook, and what the lead's
 * enrichment added (absent until it is enriched).
 *
 * @param cursor its place in the list, for keyset paging
 * @param leadgenId the lead's id at Meta
 * @param pageId its page
 * @param formId its form, when known
 * @param formName its form's name, once enriched
 * @param adId its ad, when known
 * @param adgroupId its ad under Meta's legacy name, when known
 * @param platform {@code facebook} or {@code instagram}, once enriched
 * @param createdTime when the person sent the form
 * @param receivedAt when LeadRelay stored it
 * @param status where it stands
 * @param source {@code webhook} or {@code backfill}
 * @param answersJson its answers as JSON (personal data), once enriched
 * @param test whether it is a test lead a person sent
 */
public record LeadRow(long cursor, String leadgenId, String pageId, String formId, String formName, String adId,
		String adgroupId, String platform, Instant createdTime, Instant receivedAt, String status, String source,
		String answersJson, boolean test) {

}
