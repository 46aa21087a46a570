package io.leadrelay.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through due deliveries, called by the {@code delivery-poll} and
 * {@code delivery-wakeup} routes: claims a batch, serves each destination's share on the
 * worker pool (so a slow CRM holds up only its own leads), and goes on until nothing is
 * due.
 */
public class DeliveryEngine {

	private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

	private final DeliveryQueue queue;

	private final DestinationDispatcher dispatcher;

	private final DeliveryProperties properties;

	private final ExecutorService workers;

	DeliveryEngine(DeliveryQueue queue, DestinationDispatcher dispatcher, DeliveryProperties properties,
			ExecutorService workers) {
		this.queue = queue;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.workers = workers;
	}

	/** Send everything due now; returns how many deliveries were tried. */
	public synchronized int runOnce() throws InterruptedException {
		if (!this.properties.enabled()) {
			return 0;
		}
		int tried = 0;
		List<ClaimedDelivery> batch;
		do {
			batch = this.queue.claim(this.properties.batchSize(), this.properties.lease());
			Map<String, List<ClaimedDelivery>> byDestination = batch.stream()
				.collect(
						Collectors.groupingBy(ClaimedDelivery::destinationId, LinkedHashMap::new, Collectors.toList()));
			List<Future<?>> running = byDestination.entrySet()
				.stream()
				.<Future<?>>map((entry) -> this.workers
					.submit(() -> this.dispatcher.dispatch(entry.getKey(), entry.getValue())))
				.toList();
			for (Future<?> work : running) {
				await(work);
			}
			tried += batch.size();
		}
		while (batch.size() == this.properties.batchSize());
		return tried;
	}

	/** Stop the workers; unfinished deliveries come back after their lease. */
	public void shutdown() {
		this.workers.shutdownNow();
	}

	private static void await(Future<?> work) throws InterruptedException {
		try {
			work.get();
		}
		catch (ExecutionException ex) {
			// A bug: the lease brings the deliveries back.
			log.error("Deliveries could not be sent", ex.getCause());
		}
	}

}
