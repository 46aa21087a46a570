package io.leadrelay.pipeline;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through due lead events, called by the {@code pipeline-poll} and
 * {@code pipeline-wakeup} routes: claims a batch, processes its leads on the worker pool,
 * and goes on until nothing is due.
 */
public class Pipeline {

	private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

	private final LeadEventQueue queue;

	private final LeadEnricher enricher;

	private final PipelineProperties properties;

	private final ExecutorService workers;

	Pipeline(LeadEventQueue queue, LeadEnricher enricher, PipelineProperties properties, ExecutorService workers) {
		this.queue = queue;
		this.enricher = enricher;
		this.properties = properties;
		this.workers = workers;
	}

	/** Process everything due now; returns how many lead events were processed. */
	public int runOnce() throws InterruptedException {
		if (!this.properties.enabled()) {
			return 0;
		}
		int processed = 0;
		List<ClaimedLeadEvent> batch;
		do {
			batch = this.queue.claim(this.properties.batchSize(), this.properties.lease());
			List<Future<?>> running = batch.stream()
				.<Future<?>>map((event) -> this.workers.submit(() -> this.enricher.enrich(event)))
				.toList();
			for (Future<?> work : running) {
				await(work);
			}
			processed += batch.size();
		}
		while (batch.size() == this.properties.batchSize());
		return processed;
	}

	/**
	 * Stop the workers when the engine stops; unfinished leads come back after their
	 * lease.
	 */
	public void shutdown() {
		this.workers.shutdownNow();
	}

	private static void await(Future<?> work) throws InterruptedException {
		try {
			work.get();
		}
		catch (ExecutionException ex) {
			// The enricher handles its own failures; this is a bug, and the lease brings
			// the lead back.
			log.error("A lead could not be processed", ex.getCause());
		}
	}

}
