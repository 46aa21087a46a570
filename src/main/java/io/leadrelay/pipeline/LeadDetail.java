package io.leadrelay.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.leadrelay.audit.AuditRecord;
import io.leadrelay.delivery.DeliveryAttemptView;
import io.leadrelay.delivery.DeliveryView;

/**
 * Everything LeadRelay knows of one lead: where it stands, its answers, its enrichment,
 * its deliveries with their payloads and attempts, and its timeline.
 *
 * @param lead the lead as the list shows it
 * @param lastMessage why it stands where it does (a failure, or why no mapping took it)
 * @param enrichment what Meta said about it; {@code null} until it is enriched
 * @param answers its answers (personal data); empty until it is enriched
 * @param consents its form's consent checkboxes by key, and whether the person ticked
 * each
 * @param deliveries one per destination a mapping sent it to
 * @param timeline its audit trail, oldest first
 */
public record LeadDetail(LeadRow lead, String lastMessage, Enrichment enrichment, Map<String, List<String>> answers,
		Map<String, Boolean> consents, List<Delivery> deliveries, List<AuditRecord> timeline) {

	/**
	 * What the Graph API said about a lead.
	 *
	 * @param formId its form
	 * @param formName its form's name
	 * @param adId its ad
	 * @param adName its ad's name
	 * @param adsetId its ad set
	 * @param adsetName its ad set's name
	 * @param campaignId its campaign
	 * @param campaignName its campaign's name
	 * @param platform {@code facebook} or {@code instagram}
	 * @param organic whether it came without an ad
	 * @param createdTime when the person sent the form
	 * @param enrichedAt when LeadRelay fetched it
	 * @param personalDataRemovedAt when its personal data was removed, or {@code null}
	 * @param personalDataRemovedBy why: {@code erasure} or {@code retention}, or
	 * {@code null}
	 */
	public record Enrichment(String formId, String formName, String adId, String adName, String adsetId,
			String adsetName, String campaignId, String campaignName, String platform, boolean organic,
			Instant createdTime, Instant enrichedAt, Instant personalDataRemovedAt, String personalDataRemovedBy) {

	}

	/**
	 * A delivery of the lead, with what its mapping made of it.
	 *
	 * @param delivery the delivery
	 * @param payloadJson the payload its mapping made (personal data)
	 * @param attempts its tries, oldest first
	 */
	public record Delivery(DeliveryView delivery, String payloadJson, List<DeliveryAttemptView> attempts) {

	}

}
