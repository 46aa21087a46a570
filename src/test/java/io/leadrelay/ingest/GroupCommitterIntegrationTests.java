package io.leadrelay.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.leadrelay.ingest.LeadEventInbox.StoreResult;
import io.leadrelay.ingest.LeadEventInbox.Submission;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Webhook requests committed together: each request still learns exactly which of its
 * leads were new, and a failed commit fails every request of its group. Run against H2
 * and PostgreSQL by subclasses.
 */
abstract class GroupCommitterIntegrationTests extends LeadEventTablesTests {

	static final long FIRST_ID = 950000000000000L;

	@Test
	void concurrentRequestsWithOverlappingLeadsStoreEachLeadOnceAndCountItOnce() throws Exception {
		int requests = 200;
		List<StoreResult> results = new ArrayList<>();
		try (GroupCommitter committer = committer()) {
			CountDownLatch start = new CountDownLatch(1);
			List<Callable<StoreResult>> calls = new ArrayList<>();
			for (int request = 0; request < requests; request++) {
				// Request n carries leads n and n+1 (Meta's retries and overlapping
				// batches),
				// and request n again once more: every id arrives two to four times.
				List<LeadNotification> leads = List.of(lead(request % 100), lead(request % 100 + 1),
						lead(request % 100));
				calls.add(() -> {
					start.await();
					return committer.store(leads, Instant.parse("2026-01-01T00:00:00Z"));
				});
			}
			ExecutorService pool = Executors.newFixedThreadPool(32);
			try {
				List<Future<StoreResult>> futures = calls.stream().map(pool::submit).toList();
				start.countDown();
				for (Future<StoreResult> future : futures) {
					results.add(future.get());
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
		assertThat(results.stream().mapToInt(StoreResult::accepted).sum()).isEqualTo(101);
		assertThat(results).allSatisfy((result) -> assertThat(result.accepted() + result.duplicates()).isEqualTo(3));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event", Integer.class)).isEqualTo(101);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT leadgen_id) FROM lead_event", Integer.class))
			.isEqualTo(101);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'lead_event.received'",
				Integer.class))
			.isEqualTo(101);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'lead_event.duplicate'",
				Integer.class))
			.isEqualTo(requests * 2 - 101);
	}

	@Test
	void aFailedCommitFailsEveryRequestOfItsGroup() throws Exception {
		LeadEventInbox brokenInbox = new LeadEventInbox(this.jdbc, this.transactions, this.audit, this.json,
				this.clock) {
			@Override
			List<StoreResult> storeAll(List<Submission> submissions) {
				throw new DataAccessResourceFailureException("disk full");
			}
		};
		try (GroupCommitter committer = new GroupCommitter(brokenInbox)) {
			ExecutorService pool = Executors.newFixedThreadPool(8);
			try {
				List<Future<StoreResult>> futures = IntStream.range(0, 8)
					.mapToObj((n) -> pool.submit(() -> committer.store(List.of(lead(n)), Instant.now())))
					.toList();
				for (Future<StoreResult> future : futures) {
					assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
						.havingCause()
						.isInstanceOf(DataAccessException.class)
						.withMessageContaining("disk full");
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aRequestWhoseDataBreaksTheTransactionFailsAloneAndTheOthersAreStored() throws Exception {
		LeadNotification gate = lead(89);
		LeadNotification poison = lead(99);
		CountDownLatch gateEntered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		LeadEventInbox inbox = new LeadEventInbox(this.jdbc, this.transactions, this.audit, this.json, this.clock) {
			@Override
			List<StoreResult> storeAll(List<Submission> submissions) {
				if (submissions.get(0).leads().contains(gate)) {
					gateEntered.countDown();
					await().until(() -> release.await(0, TimeUnit.SECONDS));
				}
				if (submissions.stream().anyMatch((submission) -> submission.leads().contains(poison))) {
					throw new DataIntegrityViolationException("value too long");
				}
				return super.storeAll(submissions);
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try (GroupCommitter committer = new GroupCommitter(inbox)) {
			// The writer is held on a first request while ten arrive, so that the ten,
			// the breaking one among them, are committed as one group.
			Future<StoreResult> first = pool.submit(() -> committer.store(List.of(gate), Instant.now()));
			gateEntered.await();
			List<Future<StoreResult>> futures = IntStream.range(90, 100)
				.mapToObj((n) -> pool.submit(() -> committer.store(List.of(lead(n)), Instant.now())))
				.toList();
			await().until(() -> committer.waiting() == 10);
			release.countDown();
			assertThat(first.get().accepted()).isEqualTo(1);
			for (int n = 90; n < 99; n++) {
				assertThat(futures.get(n - 90).get().accepted()).isEqualTo(1);
			}
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(futures.get(9)::get)
				.havingCause()
				.isInstanceOf(DataIntegrityViolationException.class);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event", Integer.class)).isEqualTo(10);
	}

	@Test
	void afterCloseRequestsAreRefusedAsStorageUnavailable() throws Exception {
		GroupCommitter committer = committer();
		assertThat(committer.store(List.of(lead(1)), Instant.now()).accepted()).isEqualTo(1);
		committer.close();
		assertThatExceptionOfType(CannotCreateTransactionException.class)
			.isThrownBy(() -> committer.store(List.of(lead(2)), Instant.now()))
			.withMessageContaining("shutting down");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event", Integer.class)).isEqualTo(1);
	}

	private GroupCommitter committer() {
		return new GroupCommitter(new LeadEventInbox(this.jdbc, this.transactions, this.audit, this.json, this.clock));
	}

	private static LeadNotification lead(int n) {
		String id = String.valueOf(FIRST_ID + n);
		return new LeadNotification(id, "100200300400500", "700000000000011", null, null, null,
				"{\"leadgen_id\":\"" + id + "\"}");
	}

}
