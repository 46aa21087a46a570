package io.leadrelay.backfill;

import java.util.List;

/**
 * What one reconciliation run of a page found.
 *
 * @param pageId the page
 * @param formsChecked how many of its active forms were read
 * @param leadsFound how many leads the forms listed
 * @param leadsAdded how many of them LeadRelay did not have (now stored with
 * {@code source=backfill})
 * @param problems what stopped the reading of a form or the page, if anything
 */
public record BackfillResult(String pageId, int formsChecked, int leadsFound, int leadsAdded, List<String> problems) {

}
