package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.destination.DestinationStatus;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * How one destination's deliveries are sent: in calls of the connector's size, behind its
 * circuit breaker, and handed back untried when the destination cannot take them.
 */
class DestinationDispatcherTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	final Destinations destinations = mock(Destinations.class);

	final DeliveryResults results = mock(DeliveryResults.class);

	final DeliveryQueue queue = mock(DeliveryQueue.class);

	final List<List<DeliveryRequest>> calls = new ArrayList<>();

	DeliveryProperties properties;

	@BeforeEach
	void destination() {
		when(this.destinations.get("crm"))
			.thenReturn(new DestinationView("crm", "CRM", "webhook", Map.of("url", "https://crm.example.com"),
					List.of("signingSecret"), true, DestinationStatus.ACTIVE, NOW, NOW));
		when(this.destinations.credentials("crm")).thenReturn(Map.of("signingSecret", "s"));
		this.properties = new DeliveryProperties(true, 4, 100, Duration.ofMinutes(2), Duration.ofSeconds(1),
				List.of(Duration.ofSeconds(10)), Duration.ofHours(72), 0, Map.of(),
				new DeliveryProperties.CircuitBreaker(50, 4, 2, Duration.ofSeconds(30)), List.of(), 2000);
	}

	@Test
	void opensTheCircuitAfterFailuresAndHandsTheRestBackUntried() {
		DestinationDispatcher dispatcher = dispatcher(
				connector(1, DeliveryOutcome.Retry.transientFailure("The webhook answered 503", 503)));
		List<ClaimedDelivery> deliveries = deliveries(5);
		dispatcher.dispatch("crm", deliveries);

		assertThat(this.calls).hasSize(2);
		verify(this.results, times(2)).recordCall(any(), any(), any(), any(), any());
		for (ClaimedDelivery untried : deliveries.subList(2, 5)) {
			verify(this.queue).release(untried, NOW.plusSeconds(30));
		}
	}

	@Test
	void sendsAsManyLeadsPerCallAsTheConnectorTakes() {
		DestinationDispatcher dispatcher = dispatcher(
				connector(100, new DeliveryOutcome.Delivered("1", 200, "created")));
		dispatcher.dispatch("crm", deliveries(150));
		assertThat(this.calls).extracting(List::size).containsExactly(100, 50);
		verify(this.results, times(2)).recordCall(any(), any(), any(), any(), any());
		verify(this.queue, never()).release(any(), any());
	}

	@Test
	void stopsSendingToADestinationWhoseCredentialsWereRefused() {
		DestinationDispatcher dispatcher = dispatcher(
				connector(1, new DeliveryOutcome.CredentialsRejected("The webhook answered 401", 401)));
		List<ClaimedDelivery> deliveries = deliveries(3);
		dispatcher.dispatch("crm", deliveries);
		assertThat(this.calls).hasSize(1);
		verify(this.queue).release(eq(deliveries.get(1)), any());
		verify(this.queue).release(eq(deliveries.get(2)), any());
	}

	@Test
	void handsBackTheDeliveriesOfAPausedDestination() {
		when(this.destinations.get("crm"))
			.thenReturn(new DestinationView("crm", "CRM", "webhook", Map.of("url", "https://crm.example.com"),
					List.of(), true, DestinationStatus.NEEDS_CREDENTIALS, NOW, NOW));
		DestinationDispatcher dispatcher = dispatcher(connector(1, new DeliveryOutcome.Delivered(null, 200, "ok")));
		dispatcher.dispatch("crm", deliveries(2));
		assertThat(this.calls).isEmpty();
		verify(this.queue, times(2)).release(any(), eq(NOW));
	}

	@Test
	void handsTheCallsBackWhenTheRateLimitCannotBeRead() {
		DestinationDispatcher dispatcher = dispatcher(connector(1, new DeliveryOutcome.Delivered(null, 200, "ok")),
				(destination, perSecond, wait) -> {
					throw new DataAccessResourceFailureException("Connection refused");
				});
		dispatcher.dispatch("crm", deliveries(2));
		assertThat(this.calls).isEmpty();
		verify(this.queue, times(2)).release(any(), eq(NOW.plusSeconds(1)));
	}

	private DestinationDispatcher dispatcher(Connector connector) {
		return dispatcher(connector, (destination, perSecond, wait) -> true);
	}

	private DestinationDispatcher dispatcher(Connector connector, DestinationRateLimiter limiter) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		return new DestinationDispatcher(this.destinations, new Connectors(List.of(connector), this.properties),
				new DestinationGuards(this.properties, limiter), this.results, this.queue, this.properties,
				new ObjectMapper(), clock);
	}

	private Connector connector(int batchSize, DeliveryOutcome outcome) {
		return new Connector() {
			@Override
			public String code() {
				return "webhook";
			}

			@Override
			public Map<String, String> settings(Map<String, String> given) {
				return given;
			}

			@Override
			public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
			}

			@Override
			public double defaultRateLimit() {
				return 50;
			}

			@Override
			public int maxBatchSize() {
				return batchSize;
			}

			@Override
			public DeliveryOutcome deliver(DeliveryRequest request) {
				return deliverAll(List.of(request)).get(0);
			}

			@Override
			public List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
				DestinationDispatcherTests.this.calls.add(requests);
				return requests.stream().map((request) -> outcome).toList();
			}
		};
	}

	private static List<ClaimedDelivery> deliveries(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new ClaimedDelivery(i, "92000000000" + i, "crm", "{\"email\":\"a" + i + "@example.com\"}",
					0, "pending", NOW, "token"))
			.toList();
	}

}
