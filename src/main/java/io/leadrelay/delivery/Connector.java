package io.leadrelay.delivery;

import java.util.List;

import io.leadrelay.destination.DestinationType;

/**
 * Sends leads to one kind of destination. A Spring bean per type; the engine picks the
 * one whose {@link #type()} matches the destination. Implementations set timeouts on
 * every call, never log credentials or payload values, and answer every CRM response with
 * a {@link DeliveryOutcome} rather than an exception.
 */
public interface Connector {

	DestinationType type();

	DeliveryOutcome deliver(DeliveryRequest request);

	/**
	 * How many leads one call to {@link #deliverAll} may carry; 1 for a connector whose
	 * CRM takes one lead per call.
	 */
	default int maxBatchSize() {
		return 1;
	}

	/**
	 * Sends several leads due for one destination; a connector whose CRM takes batches
	 * overrides this. All requests have the same destination.
	 * @return one outcome per request, in the same order
	 */
	default List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
		return requests.stream().map(this::deliver).toList();
	}

}
