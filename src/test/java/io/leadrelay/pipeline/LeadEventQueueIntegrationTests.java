package io.leadrelay.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.leadrelay.ingest.BackfilledLead;
import io.leadrelay.ingest.LeadEventInbox;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lead events as a work queue shared by concurrent workers. Run against H2 and PostgreSQL
 * by subclasses.
 */
@LeadRelayIntegrationTest
abstract class LeadEventQueueIntegrationTests {

	@Autowired
	LeadEventQueue queue;

	@Autowired
	LeadEventInbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
	}

	@Test
	void givesEachEventToOneOfManyConcurrentWorkers() throws Exception {
		store(IntStream.range(0, 60).mapToObj((i) -> String.valueOf(940000000000000L + i)).toList());
		int workers = 6;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<List<String>>> claims = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			claims.add(() -> {
				start.await();
				List<String> mine = new ArrayList<>();
				List<ClaimedLeadEvent> batch;
				while (!(batch = this.queue.claim(4, Duration.ofMinutes(5))).isEmpty()) {
					batch.forEach((event) -> mine.add(event.leadgenId()));
				}
				return mine;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		List<String> all = new ArrayList<>();
		try {
			List<Future<List<String>>> futures = claims.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<List<String>> future : futures) {
				all.addAll(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(all).hasSize(60).doesNotHaveDuplicates();
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event WHERE status = 'enriching'", Integer.class))
			.isEqualTo(60);
	}

	@Test
	void givesAnEventBackWhenItsLeaseRunsOutAndFencesOffTheOldWorker() {
		store(List.of("940000000000100"));
		ClaimedLeadEvent first = this.queue.claim(10, Duration.ofMillis(1)).get(0);
		List<ClaimedLeadEvent> again = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.queue.claim(10, Duration.ofMinutes(5)), (claimed) -> !claimed.isEmpty());
		assertThat(again).extracting(ClaimedLeadEvent::leadgenId).containsExactly("940000000000100");
		assertThat(finish(first, LeadEventStatus.MAPPED)).as("the first worker lost its claim").isFalse();
		assertThat(finish(again.get(0), LeadEventStatus.MAPPED)).isTrue();
		assertThat(status("940000000000100")).isEqualTo("mapped");
		assertThat(this.queue.claim(10, Duration.ofMinutes(5))).isEmpty();
	}

	@Test
	void keepsAnEventForLaterWhenRetriedAndAuditsEachStep() {
		store(List.of("940000000000200"));
		ClaimedLeadEvent event = this.queue.claim(10, Duration.ofMinutes(5)).get(0);
		assertThat(this.queue.retryLater(event, Instant.now().plusSeconds(3600), "Graph API answered 503")).isTrue();
		assertThat(this.queue.claim(10, Duration.ofMinutes(5))).as("not due yet").isEmpty();
		this.jdbc.update("UPDATE lead_event SET next_attempt_at = ? WHERE leadgen_id = ?",
				Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC), "940000000000200");
		ClaimedLeadEvent retried = this.queue.claim(10, Duration.ofMinutes(5)).get(0);
		assertThat(retried.attempts()).isEqualTo(1);
		this.transactions.execute((tx) -> this.queue.finish(retried, LeadEventStatus.FILTERED, "no mapping matched"));
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = ? ORDER BY id",
				String.class, "940000000000200"))
			.containsExactly("lead_event.received", "lead.enriching", "lead.retry_scheduled", "lead.filtered");
	}

	@Test
	void resumesParkedLeadsOfAPageOnly() {
		store(List.of("940000000000300", "940000000000301"));
		List<ClaimedLeadEvent> claimed = this.queue.claim(10, Duration.ofMinutes(5));
		claimed.forEach((event) -> this.transactions
			.execute((tx) -> this.queue.finish(event, LeadEventStatus.NEEDS_TOKEN, "token expired")));
		this.jdbc.update("UPDATE lead_event SET page_id = '999' WHERE leadgen_id = '940000000000301'");
		assertThat(this.queue.claim(10, Duration.ofMinutes(5))).as("parked leads are not claimed").isEmpty();
		assertThat(this.queue.resumeParked("100200300400500")).isEqualTo(1);
		assertThat(this.queue.claim(10, Duration.ofMinutes(5))).extracting(ClaimedLeadEvent::leadgenId)
			.containsExactly("940000000000300");
		assertThat(status("940000000000301")).isEqualTo("needs_token");
	}

	private void store(List<String> leadgenIds) {
		List<BackfilledLead> leads = leadgenIds.stream()
			.map((id) -> new BackfilledLead(id, "100200300400500", "700000000000011", null, null))
			.collect(Collectors.toList());
		assertThat(this.inbox.storeBackfilled(leads)).isEqualTo(leadgenIds.size());
	}

	private boolean finish(ClaimedLeadEvent event, LeadEventStatus status) {
		Boolean finished = this.transactions.execute((tx) -> this.queue.finish(event, status, null));
		return Boolean.TRUE.equals(finished);
	}

	private String status(String leadgenId) {
		return this.jdbc.queryForObject("SELECT status FROM lead_event WHERE leadgen_id = ?", String.class, leadgenId);
	}

}
