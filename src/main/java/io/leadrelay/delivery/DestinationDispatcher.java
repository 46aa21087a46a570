package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadrelay.destination.DestinationNotFoundException;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sends one destination's claimed deliveries through its connector, in calls as large as
 * the connector takes, behind the destination's circuit breaker and rate limiter. What
 * cannot be tried now (open circuit, paused destination) is handed back untried.
 */
@Component
class DestinationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(DestinationDispatcher.class);

	private static final TypeReference<LinkedHashMap<String, String>> PAYLOAD = new TypeReference<>() {
	};

	private final Destinations destinations;

	private final Connectors connectors;

	private final DestinationGuards guards;

	private final DeliveryResults results;

	private final DeliveryQueue queue;

	private final DeliveryProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	DestinationDispatcher(Destinations destinations, Connectors connectors, DestinationGuards guards,
			DeliveryResults results, DeliveryQueue queue, DeliveryProperties properties, ObjectMapper json,
			Clock clock) {
		this.destinations = destinations;
		this.connectors = connectors;
		this.guards = guards;
		this.results = results;
		this.queue = queue;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * How many of the destination's deliveries its calls can carry within {@code time} at
	 * its rate limit; empty when the destination or its connector is unknown.
	 */
	OptionalInt sendableWithin(String destinationId, Duration time) {
		try {
			DestinationView destination = this.destinations.get(destinationId);
			return this.connectors.forType(destination.type())
				.map((connector) -> OptionalInt
					.of(this.guards.forDestination(destinationId, connector).sendableWithin(time, perCall(connector))))
				.orElse(OptionalInt.empty());
		}
		catch (DestinationNotFoundException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * Sends the deliveries in calls as large as the connector takes, one after another.
	 */
	void dispatch(String destinationId, List<ClaimedDelivery> deliveries) {
		ListSource source = new ListSource(deliveries);
		while (!source.isEmpty() && call(destinationId, source)) {
			// next call
		}
	}

	/**
	 * Makes one call to the destination with the deliveries the source gives once the
	 * rate limit allows the call. Returns false when the destination cannot take more
	 * now: then the source's rest was handed back (or failed, for a deleted destination).
	 */
	boolean call(String destinationId, CallSource source) {
		DestinationView destination;
		try {
			destination = this.destinations.get(destinationId);
		}
		catch (DestinationNotFoundException ex) {
			failAll(source.rest(),
					new DeliveryOutcome.Permanent(
							"The destination '" + destinationId + "' was deleted; add it again and replay, or discard",
							null, null));
			return false;
		}
		if (!destination.mayReceive()) {
			releaseAll(source.rest(), this.clock.instant());
			return false;
		}
		Connector connector = this.connectors.forType(destination.type()).orElse(null);
		if (connector == null) {
			failAll(source.rest(), new DeliveryOutcome.Permanent(
					"This engine has no connector for destinations of type " + destination.type(), null, null));
			return false;
		}
		DestinationGuards.Guard guard = this.guards.forDestination(destinationId, connector);
		if (!send(connector, destination, guard, source)) {
			Duration wait = guard.breaker().getState() == CircuitBreaker.State.OPEN
					? this.properties.circuitBreaker().openFor() : Duration.ofSeconds(1);
			releaseAll(source.rest(), this.clock.instant().plus(wait));
			return false;
		}
		return true;
	}

	/** One call to the CRM; returns false when the destination cannot take more now. */
	private boolean send(Connector connector, DestinationView destination, DestinationGuards.Guard guard,
			CallSource source) {
		if (!guard.breaker().tryAcquirePermission()) {
			return false;
		}
		if (!permitted(guard)) {
			guard.breaker().releasePermission();
			return false;
		}
		// The leads are taken only now that the call may leave, so it carries all that
		// are due by now (up to the connector's batch size) without waiting for more:
		// the permit's spacing is the wait, and there is none while the limit has room.
		// No call carries more than one claim takes (batch-size).
		List<ClaimedDelivery> call = source.next(perCall(connector));
		if (call.isEmpty()) {
			guard.breaker().releasePermission();
			return true;
		}
		Map<String, String> credentials = this.destinations.credentials(destination.id());
		List<DeliveryRequest> requests = new ArrayList<>();
		for (ClaimedDelivery delivery : call) {
			requests.add(new DeliveryRequest(delivery.id(), delivery.leadgenId(), delivery.destinationId(),
					destination.settings(), credentials, payload(delivery),
					DeliveryRequest.idempotencyKey(delivery.leadgenId(), delivery.destinationId()), delivery.test(),
					delivery.payloadRevision(), delivery.eventTime()));
		}
		Instant started = this.clock.instant();
		long start = System.nanoTime();
		List<DeliveryOutcome> outcomes = call(connector, requests);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		boolean crmFailed = outcomes.stream()
			.anyMatch((outcome) -> outcome instanceof DeliveryOutcome.Retry retry && !retry.throttled());
		if (crmFailed) {
			guard.breaker()
				.onError(took.toNanos(), TimeUnit.NANOSECONDS, new DestinationGuards.CrmUnavailable(destination.id()));
		}
		else {
			guard.breaker().onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
		}
		RetryPolicy policy = RetryPolicy.of(this.properties, destination.settings());
		this.results.recordCall(call, outcomes, started, took, policy);
		return outcomes.stream().noneMatch(DeliveryOutcome.CredentialsRejected.class::isInstance);
	}

	/** How many leads one call carries at most. */
	private int perCall(Connector connector) {
		return Math.max(1, Math.min(connector.maxBatchSize(), this.properties.batchSize()));
	}

	/** Waits for the rate limit; a database failure there hands the call back too. */
	private static boolean permitted(DestinationGuards.Guard guard) {
		try {
			return guard.permit().getAsBoolean();
		}
		catch (DataAccessException ex) {
			log.warn("No rate limit permit: the database failed ({})", ex.getMessage());
			return false;
		}
	}

	private List<DeliveryOutcome> call(Connector connector, List<DeliveryRequest> requests) {
		try {
			List<DeliveryOutcome> outcomes = (requests.size() == 1) ? List.of(connector.deliver(requests.get(0)))
					: connector.deliverAll(requests);
			if (outcomes.size() != requests.size()) {
				throw new IllegalStateException(
						"The connector answered " + outcomes.size() + " outcomes for " + requests.size() + " leads");
			}
			return outcomes;
		}
		catch (RuntimeException ex) {
			log.error("The {} connector failed", connector.code(), ex);
			return Collections.nCopies(requests.size(), DeliveryOutcome.Retry
				.transientFailure("The connector failed unexpectedly (" + ex.getClass().getSimpleName() + ")", null));
		}
	}

	private Map<String, String> payload(ClaimedDelivery delivery) {
		try {
			return this.json.readValue(delivery.payloadJson(), PAYLOAD);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The payload of delivery " + delivery.id() + " is not a JSON object", ex);
		}
	}

	private void failAll(List<ClaimedDelivery> deliveries, DeliveryOutcome outcome) {
		Instant now = this.clock.instant();
		if (!deliveries.isEmpty()) {
			this.results.recordCall(deliveries, Collections.nCopies(deliveries.size(), outcome), now, Duration.ZERO);
		}
	}

	private void releaseAll(List<ClaimedDelivery> deliveries, Instant at) {
		deliveries.forEach((delivery) -> this.queue.release(delivery, at));
	}

	/** Where one destination's calls take their deliveries from. */
	interface CallSource {

		/** Up to {@code max} deliveries for the call that may leave now. */
		List<ClaimedDelivery> next(int max);

		/** All not taken yet, to hand back. */
		List<ClaimedDelivery> rest();

	}

	private static final class ListSource implements CallSource {

		private final List<ClaimedDelivery> deliveries;

		private int taken;

		ListSource(List<ClaimedDelivery> deliveries) {
			this.deliveries = deliveries;
		}

		boolean isEmpty() {
			return this.taken >= this.deliveries.size();
		}

		@Override
		public List<ClaimedDelivery> next(int max) {
			int from = this.taken;
			this.taken = Math.min(this.deliveries.size(), from + max);
			return this.deliveries.subList(from, this.taken);
		}

		@Override
		public List<ClaimedDelivery> rest() {
			List<ClaimedDelivery> rest = this.deliveries.subList(this.taken, this.deliveries.size());
			this.taken = this.deliveries.size();
			return rest;
		}

	}

}
