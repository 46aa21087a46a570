package io.leadrelay.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.leadrelay.graph.GraphClient;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.graph.GraphResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through due lead events, called by the {@code pipeline-poll} and
 * {@code pipeline-wakeup} routes: claims batches while fewer than {@code max-in-flight}
 * leads are being worked, and hands them on without waiting for them. Each page's leads
 * of a claim are read from the Graph API together (on the {@code readers}, one Graph call
 * each) and mapped together (on the {@code mappers}, in one transaction); once a group is
 * mapped the delivery engine is woken. A claimed lead stays leased until it is finished,
 * so no other worker takes it meanwhile, and a crash brings it back.
 */
public class Pipeline {

	private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

	private final LeadEventQueue queue;

	private final LeadEnricher enricher;

	private final PipelineProperties properties;

	private final ExecutorService mappers;

	private final ExecutorService readers;

	private final PipelineWakeups wakeups;

	/** One permit per lead that may be in flight. */
	private final Semaphore room;

	/**
	 * Due leads were left unclaimed for want of room: wake the pipeline once there is.
	 */
	private volatile boolean roomWanted;

	private volatile boolean stopped;

	Pipeline(LeadEventQueue queue, LeadEnricher enricher, PipelineProperties properties, ExecutorService mappers,
			ExecutorService readers, PipelineWakeups wakeups) {
		this.queue = queue;
		this.enricher = enricher;
		this.properties = properties;
		this.mappers = mappers;
		this.readers = readers;
		this.wakeups = wakeups;
		this.room = new Semaphore(properties.maxInFlight());
	}

	/**
	 * Claim what is due now, as far as there is room, and set it to work; returns how
	 * many lead events were claimed. It does not wait for them.
	 */
	public int runOnce() {
		if (!this.properties.enabled()) {
			return 0;
		}
		int batchSize = this.properties.batchSize();
		int claimed = 0;
		while (!this.stopped) {
			if (!this.room.tryAcquire(batchSize)) {
				this.roomWanted = true;
				// Room made before the flag was seen is taken here, not left unused.
				if (this.room.availablePermits() >= batchSize) {
					continue;
				}
				break;
			}
			List<ClaimedLeadEvent> batch;
			try {
				batch = this.queue.claim(batchSize, this.properties.lease());
			}
			catch (RuntimeException ex) {
				this.room.release(batchSize);
				throw ex;
			}
			this.room.release(batchSize - batch.size());
			claimed += batch.size();
			work(batch);
			if (batch.size() < batchSize) {
				break;
			}
		}
		return claimed;
	}

	/** How many leads are being worked now. */
	int inFlight() {
		return this.properties.maxInFlight() - this.room.availablePermits();
	}

	private void work(List<ClaimedLeadEvent> batch) {
		for (List<ClaimedLeadEvent> group : byPage(batch)) {
			String pageId = group.get(0).pageId();
			try {
				CompletableFuture.supplyAsync(() -> this.enricher.prepare(pageId, group), this.mappers)
					.thenComposeAsync((read) -> readAndMap(read), this.readers)
					.whenComplete((done, failure) -> finished(group, failure));
			}
			catch (RuntimeException ex) {
				finished(group, ex);
			}
		}
	}

	private CompletableFuture<Void> readAndMap(LeadEnricher.PageRead read) {
		List<GraphResult<GraphLead>> results = this.enricher.read(read);
		if (results.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		return CompletableFuture.runAsync(() -> this.enricher.completeAll(read.events(), results), this.mappers)
			.thenRun(() -> this.wakeups.deliveryWakeup());
	}

	private void finished(List<ClaimedLeadEvent> group, Throwable failure) {
		if (failure != null && !this.stopped) {
			// The enricher handles its own failures; this is a bug, and the lease brings
			// the leads back.
			log.error("{} leads could not be processed; they come back when their lease ends", group.size(), failure);
		}
		this.room.release(group.size());
		if (this.roomWanted && !this.stopped) {
			this.roomWanted = false;
			this.wakeups.pipelineWakeup();
		}
	}

	/** The claim's leads by page, in groups of at most one Graph API batch. */
	private static List<List<ClaimedLeadEvent>> byPage(List<ClaimedLeadEvent> batch) {
		Map<String, List<ClaimedLeadEvent>> pages = new LinkedHashMap<>();
		batch.forEach((event) -> pages.computeIfAbsent(event.pageId(), (page) -> new ArrayList<>()).add(event));
		List<List<ClaimedLeadEvent>> groups = new ArrayList<>();
		for (List<ClaimedLeadEvent> page : pages.values()) {
			for (int from = 0; from < page.size(); from += GraphClient.MAX_BATCH) {
				groups.add(List.copyOf(page.subList(from, Math.min(page.size(), from + GraphClient.MAX_BATCH))));
			}
		}
		return groups;
	}

	/**
	 * Stop when the engine stops: work under way gets a moment to finish; unfinished
	 * leads come back after their lease.
	 */
	public void shutdown() throws InterruptedException {
		this.stopped = true;
		this.readers.shutdown();
		this.mappers.shutdown();
		if (!this.readers.awaitTermination(5, TimeUnit.SECONDS)
				|| !this.mappers.awaitTermination(5, TimeUnit.SECONDS)) {
			log.info("Leads still in flight at shutdown come back after their lease");
		}
		this.readers.shutdownNow();
		this.mappers.shutdownNow();
	}

}
