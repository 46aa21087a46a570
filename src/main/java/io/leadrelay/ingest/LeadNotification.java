package io.leadrelay.ingest;

import java.time.Instant;

/**
 * One {@code leadgen} change of a Meta webhook: the ids of a lead, never its answers.
 *
 * @param leadgenId the lead's id, unique across Meta
 * @param pageId the page the lead belongs to
 * @param formId the lead form, when Meta sent it
 * @param adId the ad, absent for organic and test leads
 * @param adgroupId the ad again, under its legacy Graph name (adgroup = ad), may be
 * absent
 * @param createdTime when the lead was submitted, when Meta sent it
 * @param rawValue the change's {@code value} object as JSON, kept as received
 */
record LeadNotification(String leadgenId, String pageId, String formId, String adId, String adgroupId,
		Instant createdTime, String rawValue) {

}
