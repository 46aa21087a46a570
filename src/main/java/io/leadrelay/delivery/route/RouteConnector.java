package io.leadrelay.delivery.route;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.leadrelay.delivery.Connector;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryRequest;
import io.leadrelay.destination.InvalidDestinationException;
import io.leadrelay.destination.spi.DestinationFields;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;

import org.springframework.stereotype.Component;

/**
 * Hands each lead to a Camel endpoint named by the destination ({@code endpointUri}, for
 * example {@code direct:sheets}), so that a route written by ops in {@code routes/} can
 * deliver it anywhere Camel reaches. The body is the payload (a map of CRM fields); the
 * headers below say which lead it is. A route that ends without an exception has
 * delivered it; one that throws is tried again later, unless it set
 * {@value #OUTCOME_HEADER} to {@code permanent} (a refusal, with {@value #MESSAGE_HEADER}
 * saying why).
 * <p>
 * Only the endpoints ops declared may be named: the {@code direct:} or {@code seda:}
 * consumer ({@code from:}) of a route in {@code routes/}, except the engine's own routes
 * (group {@value DeclaredRoutes#ENGINE_GROUP}). That is checked when the destination is
 * saved, and again before each lead is handed over: a route removed or stopped since
 * fails the try at once (tried again later) rather than leaving a worker waiting for a
 * consumer.
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

	private final DeclaredRoutes routes;

	RouteConnector(ProducerTemplate producer) {
		this.producer = producer;
		this.routes = new DeclaredRoutes(producer.getCamelContext());
	}

	@Override
	public String code() {
		return "route";
	}

	@Override
	public Map<String, String> settings(Map<String, String> given) {
		DestinationFields settings = DestinationFields.settings(given, Set.of("endpointUri"))
			.matches("endpointUri", CAMEL_URI, "a Camel endpoint URI such as direct:sheets");
		if (this.routes.consumer(settings.get("endpointUri")).isEmpty()) {
			throw new InvalidDestinationException("settings.endpointUri",
					"settings.endpointUri must name the direct: or seda: endpoint of a route ops declared in routes/: "
							+ "one of " + this.routes.endpoints());
		}
		return settings.values();
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
		String endpointUri = request.settings().get("endpointUri");
		Route route = this.routes.consumer(endpointUri).orElse(null);
		if (route == null) {
			return DeliveryOutcome.Retry.transientFailure("No route in routes/ consumes " + endpointUri
					+ " (removed, or never declared); declared: " + this.routes.endpoints(), null);
		}
		if (!this.routes.started(route)) {
			return DeliveryOutcome.Retry
				.transientFailure("The route " + route.getId() + " consuming " + endpointUri + " is stopped", null);
		}
		Exchange result = this.producer.send(route.getEndpoint(), (exchange) -> {
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
