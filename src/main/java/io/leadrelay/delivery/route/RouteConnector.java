package io.leadrelay.delivery.route;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.leadrelay.delivery.Connector;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.destination.spi.DestinationFields;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import org.springframework.stereotype.Component;

/**
 * Hands each lead to a Camel endpoint named by the destination ({@code endpointUri}, for
 * example {@code direct:sheets}), so that a route written by ops in {@code routes/} can
 * deliver it anywhere Camel reaches. The body is the payload (a map of CRM fields); the
 * headers below say which lead it is. A route that ends without an exception has
 * delivered it; one that throws is tried again later, unless it set
 * {@value #OUTCOME_HEADER} to {@code permanent} (a refusal, with {@value #MESSAGE_HEADER}
 * saying why).
 */
@Component
class RouteConnector implements Connector {

	static final String LEADGEN_ID_HEADER = "leadrelayLeadgenId";

	static final String DESTINATION_HEADER = "leadrelayDestination";

	static final String IDEMPOTENCY_KEY_HEADER = "leadrelayIdempotencyKey";

	static final String TEST_HEADER = "leadrelayTest";

	static final String OUTCOME_HEADER = "leadrelayOutcome";

	static final String MESSAGE_HEADER = "leadrelayMessage";

	static final String RECORD_ID_HEADER = "leadrelayRecordId";

	private static final Pattern CAMEL_URI = Pattern.compile("[a-z][a-z0-9+.-]*:[^\\s]+");

	private final ProducerTemplate producer;

	RouteConnector(ProducerTemplate producer) {
		this.producer = producer;
	}

	@Override
	public String code() {
		return "route";
	}

	@Override
	public Map<String, String> settings(Map<String, String> given) {
		return DestinationFields.settings(given, Set.of("endpointUri"))
			.matches("endpointUri", CAMEL_URI, "a Camel endpoint URI such as direct:sheets")
			.values();
	}

	@Override
	public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		DestinationFields.credentials(credentials, Set.of());
	}

	@Override
	public double defaultRateLimit() {
		return 200;
	}

	@Override
	public DeliveryOutcome deliver(DeliveryRequest request) {
		Exchange result = this.producer.send(request.settings().get("endpointUri"), (exchange) -> {
			exchange.getIn().setBody(request.payload());
			exchange.getIn().setHeader(LEADGEN_ID_HEADER, request.leadgenId());
			exchange.getIn().setHeader(DESTINATION_HEADER, request.destinationId());
			exchange.getIn().setHeader(IDEMPOTENCY_KEY_HEADER, request.idempotencyKey());
			exchange.getIn().setHeader(TEST_HEADER, request.test());
		});
		String outcome = result.getMessage().getHeader(OUTCOME_HEADER, String.class);
		String message = result.getMessage().getHeader(MESSAGE_HEADER, String.class);
		if ("permanent".equalsIgnoreCase(outcome)) {
			return new DeliveryOutcome.Permanent((message != null) ? message : "The route refused the lead", null,
					null);
		}
		if (result.getException() != null) {
			Exception failure = result.getException();
			return DeliveryOutcome.Retry.transientFailure("The route failed: " + failure.getClass().getSimpleName()
					+ ((failure.getMessage() != null) ? ": " + failure.getMessage() : ""), null);
		}
		return new DeliveryOutcome.Delivered(result.getMessage().getHeader(RECORD_ID_HEADER, String.class), null,
				"delivered by the route");
	}

}
