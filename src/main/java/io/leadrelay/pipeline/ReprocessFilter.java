package io.leadrelay.pipeline;

import java.time.Instant;

/**
 * Which leads a bulk reprocess takes; {@code null} fields do not filter. Only filtered,
 * mapped and failed leads are ever taken, whatever the filter.
 *
 * @param status exact status (filtered, mapped or failed)
 * @param pageId exact page id
 * @param formId exact form id
 * @param from received at or after
 * @param to received before
 * @param leadgenId exact leadgen id
 */
public record ReprocessFilter(LeadEventStatus status, String pageId, String formId, Instant from, Instant to,
		String leadgenId) {

}
