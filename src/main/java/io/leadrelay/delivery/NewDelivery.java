package io.leadrelay.delivery;

import java.time.Instant;

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
 * @param eventTime when the lead's event happened (Meta's {@code created_time}), or
 * {@code null} when unknown: then the delivery's creation
 */
public record NewDelivery(String leadgenId, String destinationId, String mappingId, int mappingVersion,
		String payloadJson, String mappingError, Instant eventTime) {

	/** A delivery whose event time is not known: it is the delivery's creation. */
	public NewDelivery(String leadgenId, String destinationId, String mappingId, int mappingVersion, String payloadJson,
			String mappingError) {
		this(leadgenId, destinationId, mappingId, mappingVersion, payloadJson, mappingError, null);
	}

}
