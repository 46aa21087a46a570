package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.destination.DestinationStatus;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The engine keeps claiming while it holds fewer than {@code max-in-flight} deliveries,
 * makes several calls to one destination at once, each with its own rate-limit permit and
 * with all that is queued (up to the connector's batch size) when the permit comes, and
 * loses no wake-up.
 */
class DeliveryEngineTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	final Destinations destinations = mock(Destinations.class);

	final DeliveryResults results = mock(DeliveryResults.class);

	final DeliveryQueue queue = mock(DeliveryQueue.class);

	final List<List<DeliveryRequest>> calls = Collections.synchronizedList(new ArrayList<>());

	final AtomicInteger permits = new AtomicInteger();

	final List<ClaimedDelivery> due = Collections.synchronizedList(new ArrayList<>());

	DeliveryEngine engine;

	@BeforeEach
	void destination() {
		when(this.destinations.get("crm"))
			.thenReturn(new DestinationView("crm", "CRM", "webhook", Map.of("url", "https://crm.example.com"),
					List.of("signingSecret"), true, DestinationStatus.ACTIVE, NOW, NOW));
		when(this.destinations.credentials("crm")).thenReturn(Map.of("signingSecret", "s"));
		when(this.queue.claim(anyInt(), any(), any())).thenAnswer((invocation) -> {
			int max = invocation.getArgument(0);
			synchronized (this.due) {
				List<ClaimedDelivery> claimed = new ArrayList<>(this.due.subList(0, Math.min(max, this.due.size())));
				this.due.subList(0, claimed.size()).clear();
				return claimed;
			}
		});
	}

	@AfterEach
	void stop() {
		if (this.engine != null) {
			this.engine.shutdown();
		}
	}

	@Test
	void keepsSeveralCallsToOneDestinationInFlightEachWithItsOwnPermitAndAFullBatch() throws Exception {
		CyclicBarrier allInFlight = new CyclicBarrier(3);
		this.engine = engine(100, 2000, 100, (requests) -> together(allInFlight));
		this.due.addAll(deliveries(250));

		this.engine.runOnce();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.size() == 3 && this.engine.held() == 0);
		assertThat(this.calls).extracting(List::size).containsExactlyInAnyOrder(100, 100, 50);
		assertThat(this.permits).hasValue(3);
		verify(this.results, times(3)).recordCall(any(), any(), any(), any(), any());
	}

	@Test
	void holdsNoMoreThanMaxInFlightAndClaimsMoreAsCallsFinish() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.engine = engine(10, 20, 10, (requests) -> hold(release));
		this.due.addAll(deliveries(50));

		this.engine.runOnce();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.size() >= 2);
		assertThat(this.engine.held()).isEqualTo(20);
		assertThat(this.due).hasSize(30);
		release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.due.isEmpty() && this.engine.held() == 0);
		assertThat(this.calls.stream().mapToInt(List::size).sum()).isEqualTo(50);
	}

	@Test
	void aWakeUpDuringAClaimMakesTheEngineClaimAgain() throws Exception {
		CountDownLatch claiming = new CountDownLatch(1);
		CountDownLatch goOn = new CountDownLatch(1);
		AtomicInteger claims = new AtomicInteger();
		when(this.queue.claim(anyInt(), any(), any())).thenAnswer((invocation) -> {
			if (claims.incrementAndGet() == 1) {
				claiming.countDown();
				goOn.await(10, TimeUnit.SECONDS);
				return List.of();
			}
			synchronized (this.due) {
				List<ClaimedDelivery> claimed = new ArrayList<>(this.due);
				this.due.clear();
				return claimed;
			}
		});
		this.engine = engine(100, 2000, 100, (requests) -> {
		});
		this.engine.runOnce();
		assertThat(claiming.await(10, TimeUnit.SECONDS)).isTrue();
		this.due.addAll(deliveries(1));
		this.engine.runOnce();
		goOn.countDown();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.size() == 1);
		assertThat(claims).hasValue(2);
	}

	private DeliveryEngine engine(int batchSize, int maxInFlight, int callSize, Consumer<List<DeliveryRequest>> crm) {
		DeliveryProperties properties = new DeliveryProperties(true, 16, batchSize, Duration.ofMinutes(2),
				Duration.ofSeconds(1), List.of(Duration.ofSeconds(10)), Duration.ofHours(72), 0, Map.of(),
				new DeliveryProperties.CircuitBreaker(50, 20, 5, Duration.ofSeconds(30)), List.of(), maxInFlight);
		DestinationRateLimiter limiter = (destination, perSecond, wait) -> this.permits.incrementAndGet() > 0;
		DestinationDispatcher dispatcher = new DestinationDispatcher(this.destinations,
				new Connectors(List.of(connector(callSize, crm)), properties),
				new DestinationGuards(properties, limiter), this.results, this.queue, properties, new ObjectMapper(),
				Clock.fixed(NOW, ZoneOffset.UTC));
		return new DeliveryEngine(this.queue, dispatcher, properties, Executors.newFixedThreadPool(16),
				Executors.newSingleThreadExecutor());
	}

	private Connector connector(int callSize, Consumer<List<DeliveryRequest>> crm) {
		return new TestConnector(callSize) {
			@Override
			public List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
				DeliveryEngineTests.this.calls.add(requests);
				crm.accept(requests);
				return requests.stream()
					.<DeliveryOutcome>map((request) -> new DeliveryOutcome.Delivered("1", 200, "created"))
					.toList();
			}
		};
	}

	private static void together(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The calls were not in flight together", ex);
		}
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static List<ClaimedDelivery> deliveries(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new ClaimedDelivery(i, "92000000000" + i, "crm", "{\"email\":\"a" + i + "@example.com\"}",
					0, "pending", NOW, "token"))
			.toList();
	}

	/** A webhook-like connector taking {@code batchSize} leads a call. */
	abstract static class TestConnector implements Connector {

		private final int batchSize;

		TestConnector(int batchSize) {
			this.batchSize = batchSize;
		}

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
			return this.batchSize;
		}

		@Override
		public DeliveryOutcome deliver(DeliveryRequest request) {
			return deliverAll(List.of(request)).get(0);
		}

	}

}
