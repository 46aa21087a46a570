package io.leadrelay.delivery;

/**
 * A mapped lead for one destination, as the pipeline hands it over.
 *
 * @param leadgenId the lead
 * @param destinationId where it goes
 * @param mappingId the mapping that produced the payload
 * @param mappingVersion that mapping's version
 * @param payloadJson the CRM-ready payload as JSON
 * @param mappingError why the lead cannot be delivered as mapped (a required field is
 * missing, say), or {@code null}; such a delivery starts dead, to be fixed and replayed
 */
public record NewDelivery(String leadgenId, String destinationId, String mappingId, int mappingVersion,
		String payloadJson, String mappingError) {

}
