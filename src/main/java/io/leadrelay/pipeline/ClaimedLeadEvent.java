package io.leadrelay.pipeline;

import java.time.Instant;

/**
 * A lead event a worker holds for the length of its lease.
 *
 * @param id the event's row id
 * @param leadgenId the lead's id at Meta
 * @param pageId the page it belongs to
 * @param formId its form, when known
 * @param attempts how many times it was tried before
 * @param receivedAt when it was stored
 * @param claimToken what proves this worker still holds it
 */
record ClaimedLeadEvent(long id, String leadgenId, String pageId, String formId, int attempts, Instant receivedAt,
		String claimToken) {

}
