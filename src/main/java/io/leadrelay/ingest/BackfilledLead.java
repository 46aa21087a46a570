package io.leadrelay.ingest;

import java.time.Instant;

/**
 * A lead found by reading a form's leads from the Graph API rather than from a webhook.
 *
 * @param leadgenId the lead's id
 * @param pageId the page it belongs to
 * @param formId its form
 * @param adId its ad, absent for organic leads
 * @param createdTime when it was submitted
 */
public record BackfilledLead(String leadgenId, String pageId, String formId, String adId, Instant createdTime) {

}
