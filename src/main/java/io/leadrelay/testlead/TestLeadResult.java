package io.leadrelay.testlead;

import java.util.List;
import java.util.Map;

/**
 * What became of a test lead.
 *
 * @param leadgenId its made-up id ({@code test-...}); its page is {@code /leads/<id>}
 * @param test always {@code true}: never a real person's lead
 * @param mappingId the mapping it went through
 * @param mappingVersion that mapping's version
 * @param destinationId where it was sent
 * @param taken whether the mapping's pages, forms and conditions would take such a lead
 * (a test lead is sent either way)
 * @param payload what the mapping made of it: the fields sent to the CRM
 * @param mappingErrors why it could not be mapped (then it was not sent)
 * @param deliveryId its delivery ({@code /deliveries/<id>})
 * @param status the delivery's status after the try: {@code delivered}, {@code dead},
 * {@code retrying}, {@code pending}...
 * @param outcome what the try came to ({@code delivered}, {@code rejected},
 * {@code credentials_rejected}, {@code failed}, {@code throttled}), or {@code null} when
 * it was not tried
 * @param httpStatus the CRM's HTTP status
 * @param message what the CRM said, in its words
 * @param crmRecordId the CRM's record
 */
public record TestLeadResult(String leadgenId, boolean test, String mappingId, int mappingVersion, String destinationId,
		boolean taken, Map<String, String> payload, List<String> mappingErrors, long deliveryId, String status,
		String outcome, Integer httpStatus, String message, String crmRecordId) {

}
