package io.leadrelay.pipeline.web;

import java.time.Instant;

import io.leadrelay.pipeline.LeadEventView;
import io.leadrelay.pipeline.LeadRow;

/**
 * A lead as the leads API lists it (no personal data).
 *
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
 * @param source {@code webhook}, {@code backfill} or {@code test}
 * @param test whether it is a test lead a person sent
 */
record LeadItem(String leadgenId, String pageId, String formId, String formName, String adId, String adgroupId,
		String platform, Instant createdTime, Instant receivedAt, String status, String source, boolean test) {

	static LeadItem of(LeadRow row) {
		return new LeadItem(row.leadgenId(), row.pageId(), row.formId(), row.formName(), row.adId(), row.adgroupId(),
				row.platform(), row.createdTime(), row.receivedAt(), row.status(), row.source(), row.test());
	}

	static LeadItem of(LeadEventView view) {
		return new LeadItem(view.leadgenId(), view.pageId(), view.formId(), null, view.adId(), view.adgroupId(), null,
				view.createdTime(), view.receivedAt(), view.status(), view.source(), "test".equals(view.source()));
	}

}
