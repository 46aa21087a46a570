package io.leadrelay.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadrelay.destination.InvalidDestinationException;
import io.leadrelay.destination.spi.DestinationType;

/**
 * Sends leads to one type of destination, which it declares: a CRM is one package holding
 * one Spring bean that implements this. The engine picks the connector whose
 * {@link #code()} is the destination's type. Implementations set timeouts on every call,
 * never log credentials or payload values, and answer every CRM response with a
 * {@link DeliveryOutcome} rather than an exception.
 */
public interface Connector extends DestinationType {

	/** The address of the test leads sent from the admin API. */
	String TEST_EMAIL = "leadrelay-test@example.com";

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

	/**
	 * Checks, before a test lead is sent from the admin API, what only the CRM can tell
	 * about the destination's settings (such as an API version it does not offer). A
	 * problem the test lead itself will show (a refused login, no answer) is not thrown.
	 * @param request the test lead about to be sent
	 * @throws InvalidDestinationException naming the setting the CRM does not accept
	 */
	default void checkBeforeTest(DeliveryRequest request) {
	}

	/**
	 * Asks the CRM to delete a person's record, for the erasure of a person; a connector
	 * whose CRM can be asked overrides this. Like {@link #deliver}, it answers every
	 * reply (and the lack of one) with an outcome rather than an exception, and never
	 * puts the person's email in its message.
	 * @return what the CRM did, or empty when this type cannot be asked (the operator
	 * deletes the record by hand)
	 */
	default Optional<CrmErasures.CrmErasure> erase(CrmErasureRequest request) {
		return Optional.empty();
	}

	/**
	 * Calls per second one destination of this type may take, all engines together,
	 * unless {@code leadrelay.delivery.rate-limits.<type>} says otherwise.
	 */
	double defaultRateLimit();

	/**
	 * The payload of a clearly marked test lead, in the target's field names.
	 */
	default Map<String, String> testPayload() {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("email", TEST_EMAIL);
		payload.put("first_name", "LeadRelay");
		payload.put("last_name", "Test lead");
		return payload;
	}

}
