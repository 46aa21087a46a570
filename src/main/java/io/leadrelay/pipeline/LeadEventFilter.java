package io.leadrelay.pipeline;

/**
 * Which lead events to list; {@code null} fields do not filter.
 *
 * @param leadgenId exact leadgen id
 * @param pageId exact page id
 * @param formId exact form id
 * @param status exact status
 */
public record LeadEventFilter(String leadgenId, String pageId, String formId, LeadEventStatus status) {

}
