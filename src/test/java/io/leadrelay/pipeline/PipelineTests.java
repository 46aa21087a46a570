package io.leadrelay.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.leadrelay.graph.GraphLead;
import io.leadrelay.graph.GraphResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * How the pipeline keeps leads in flight: it claims while there is room, hands each
 * page's leads on without waiting for them, and wakes the delivery engine per mapped
 * group.
 */
class PipelineTests {

	final LeadEventQueue queue = mock(LeadEventQueue.class);

	final LeadEnricher enricher = mock(LeadEnricher.class);

	final CountingWakeups wakeups = new CountingWakeups();

	final CountDownLatch graphAnswers = new CountDownLatch(1);

	final AtomicLong ids = new AtomicLong();

	final ExecutorService mappers = Executors.newFixedThreadPool(2);

	final ExecutorService readers = Executors.newFixedThreadPool(4);

	@AfterEach
	void stop() {
		this.graphAnswers.countDown();
		this.mappers.shutdownNow();
		this.readers.shutdownNow();
	}

	@Test
	void claimsNoMoreThanMaxInFlightAndClaimsAgainWhenRoomIsMade() {
		Pipeline pipeline = pipeline(2, 4);
		given(this.queue.claim(eq(2), any())).willAnswer((call) -> leads("page-1", 2));
		graphWaitsForTheLatchFor("page-1");

		assertThat(pipeline.runOnce()).as("two claims of 2, then no room").isEqualTo(4);
		verify(this.queue, times(2)).claim(eq(2), any());
		assertThat(pipeline.inFlight()).isEqualTo(4);
		assertThat(this.wakeups.pipeline).hasValue(0);

		this.graphAnswers.countDown();
		await().until(() -> pipeline.inFlight() == 0);
		await().untilAsserted(() -> assertThat(this.wakeups.pipeline).as("room made: claim again").hasValue(1));
		assertThat(this.wakeups.delivery).as("one mapped group per claim").hasValue(2);
	}

	@Test
	void wakesDeliveryAsSoonAsAGroupIsMappedWhileAnotherWaitsForTheGraphApi() {
		Pipeline pipeline = pipeline(10, 100);
		given(this.queue.claim(eq(10), any())).willAnswer((call) -> {
			List<ClaimedLeadEvent> claim = new ArrayList<>(leads("slow-page", 3));
			claim.addAll(leads("fast-page", 2));
			return claim;
		}).willReturn(List.of());
		graphWaitsForTheLatchFor("slow-page");

		assertThat(pipeline.runOnce()).isEqualTo(5);

		await().untilAsserted(() -> assertThat(this.wakeups.delivery).hasValue(1));
		verify(this.enricher).completeAll(argThat((group) -> group.size() == 2), anyList());
		assertThat(pipeline.inFlight()).as("the slow page's leads").isEqualTo(3);
		this.graphAnswers.countDown();
		await().untilAsserted(() -> assertThat(this.wakeups.delivery).hasValue(2));
		assertThat(pipeline.inFlight()).isZero();
	}

	@Test
	void readsEachPagesLeadsOfAClaimTogetherInGroupsOfFifty() {
		Pipeline pipeline = pipeline(100, 100);
		given(this.queue.claim(anyInt(), any())).willAnswer((call) -> {
			List<ClaimedLeadEvent> claim = new ArrayList<>(leads("page-1", 60));
			claim.addAll(leads("page-2", 5));
			return claim;
		});

		pipeline.runOnce();

		await().until(() -> pipeline.inFlight() == 0);
		verify(this.enricher).prepare(eq("page-1"), argThat((group) -> group.size() == 50));
		verify(this.enricher).prepare(eq("page-1"), argThat((group) -> group.size() == 10));
		verify(this.enricher).prepare(eq("page-2"), argThat((group) -> group.size() == 5));
		verify(this.enricher).completeAll(argThat((group) -> group.size() == 50), anyList());
		verify(this.enricher, times(2)).completeAll(argThat((group) -> group.size() < 50), anyList());
	}

	private Pipeline pipeline(int batchSize, int maxInFlight) {
		PipelineProperties properties = new PipelineProperties(true, 2, batchSize, maxInFlight, Duration.ofMinutes(2),
				Duration.ofSeconds(1), List.of(Duration.ofSeconds(10)), Duration.ofHours(1));
		givenPrepareKeepsAll();
		given(this.enricher.read(any())).willAnswer((call) -> answers(call.getArgument(0)));
		return new Pipeline(this.queue, this.enricher, properties, this.mappers, this.readers, this.wakeups);
	}

	private void givenPrepareKeepsAll() {
		given(this.enricher.prepare(anyString(), anyList()))
			.willAnswer((call) -> new LeadEnricher.PageRead("token", call.getArgument(1)));
	}

	/** The Graph API answers the page's reads only once the latch is opened. */
	private void graphWaitsForTheLatchFor(String pageId) {
		willAnswer((call) -> {
			LeadEnricher.PageRead read = call.getArgument(0);
			if (read.events().get(0).pageId().equals(pageId)) {
				this.graphAnswers.await();
			}
			return answers(read);
		}).given(this.enricher).read(any());
	}

	private List<GraphResult<GraphLead>> answers(LeadEnricher.PageRead read) {
		return read.events().stream().<GraphResult<GraphLead>>map((event) -> new GraphResult.Transient<>("-")).toList();
	}

	private List<ClaimedLeadEvent> leads(String pageId, int count) {
		return IntStream.range(0, count).mapToObj((i) -> {
			long id = this.ids.incrementAndGet();
			return new ClaimedLeadEvent(id, "9200" + id, pageId, null, 0, Instant.EPOCH, "claim");
		}).toList();
	}

	static class CountingWakeups implements PipelineWakeups {

		final AtomicInteger delivery = new AtomicInteger();

		final AtomicInteger pipeline = new AtomicInteger();

		@Override
		public void deliveryWakeup() {
			this.delivery.incrementAndGet();
		}

		@Override
		public void pipelineWakeup() {
			this.pipeline.incrementAndGet();
		}

	}

}
