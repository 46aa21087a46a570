package io.leadrelay.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.MetaSignatures;

import static org.awaitility.Awaitility.await;

/**
 * Sends signed leadgen notifications the way Meta does: each lead until an engine answers
 * 200 (retrying while it is down), some leads twice after their 200, some notifications
 * carrying two leads. Records what was acknowledged.
 */
final class MetaLikeSender {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Random random = new Random(20261123);

	private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	/**
	 * Where to send: called per request, so that load can be spread or follow restarts.
	 */
	private final Supplier<String> target;

	MetaLikeSender(Supplier<String> target) {
		this.target = target;
	}

	/**
	 * Sends {@code count} leads from {@code firstId} on {@code threads} threads; returns
	 * when every one was acknowledged.
	 */
	void send(long firstId, int count, int threads) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> work = new ArrayList<>();
		AtomicInteger next = new AtomicInteger();
		for (int t = 0; t < threads; t++) {
			work.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndAdd(2)) < count) {
					String one = Long.toString(firstId + i);
					String two = Long.toString(firstId + i + 1);
					List<String> ids = (i + 1 < count) ? List.of(one, two) : List.of(one);
					deliver((this.random.nextInt(4) == 0) ? List.of(ids) : ids.stream().map(List::of).toList());
				}
			}));
		}
		pool.shutdown();
		Duration limit = limit(count);
		if (!pool.awaitTermination(limit.toMinutes(), TimeUnit.MINUTES)) {
			pool.shutdownNow();
			throw new IllegalStateException("The sender did not get " + count + " leads acknowledged within " + limit
					+ " (" + this.acknowledged.size() + " were)");
		}
	}

	/**
	 * Waits until {@code count} of the {@code total} leads that {@code sending} sends
	 * were acknowledged, or until the sending ended: for as long as {@link #send} waits
	 * for them, and a minute more for it to give up.
	 */
	void awaitAcknowledged(int count, int total, Future<?> sending) {
		await().atMost(limit(total).plusMinutes(1))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.acknowledged.size() >= count || sending.isDone());
	}

	private static Duration limit(int count) {
		return Duration.ofMinutes(10 + count / 250);
	}

	private void deliver(List<List<String>> notifications) {
		for (List<String> ids : notifications) {
			byte[] body = LeadgenPayloads.notification(ids);
			while (!post(body)) {
				LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
			}
			this.acknowledged.addAll(ids);
			if (this.random.nextInt(10) == 0) {
				this.duplicates.addAndGet(ids.size());
				post(body);
			}
		}
	}

	private boolean post(byte[] body) {
		this.requests.incrementAndGet();
		try {
			HttpResponse<Void> response = this.http
				.send(HttpRequest.newBuilder(URI.create(this.target.get() + "/webhooks/meta"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("X-Hub-Signature-256", MetaSignatures.sign(EngineProcess.APP_SECRET, body))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == 200) {
				return true;
			}
		}
		catch (IOException ex) {
			// The engine is down (killed on purpose): Meta would retry, so do we.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
		this.failures.incrementAndGet();
		return false;
	}

	Set<String> acknowledged() {
		return this.acknowledged;
	}

	int requests() {
		return this.requests.get();
	}

	int failures() {
		return this.failures.get();
	}

	int duplicates() {
		return this.duplicates.get();
	}

}
