package io.leadrelay.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through due deliveries, woken by the {@code delivery-poll} and
 * {@code delivery-wakeup} routes. One claimer thread claims due deliveries while fewer
 * than {@code max-in-flight} are held (back-pressure) and queues them in their
 * destination's {@link DestinationLane}; the workers make each destination's calls,
 * several at once within its rate limit (each call takes its own permit just before it
 * leaves). A finished call frees room and wakes the claimer, so a backlog drains without
 * waiting for the poll. A destination whose lane is full is left out of claims, so a slow
 * CRM holds up only its own leads; a delivery held longer than half its lease is handed
 * back untried.
 */
public class DeliveryEngine {

	private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

	private final DeliveryQueue queue;

	private final DestinationDispatcher dispatcher;

	private final DeliveryProperties properties;

	private final ExecutorService workers;

	private final ExecutorService claimer;

	private final Map<String, DestinationLane> lanes = new ConcurrentHashMap<>();

	private final AtomicInteger held = new AtomicInteger();

	private final AtomicBoolean claimScheduled = new AtomicBoolean();

	/** Whether the last claims stopped short of what is due (room or a full lane). */
	private final AtomicBoolean backlog = new AtomicBoolean();

	DeliveryEngine(DeliveryQueue queue, DestinationDispatcher dispatcher, DeliveryProperties properties,
			ExecutorService workers, ExecutorService claimer) {
		this.queue = queue;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.workers = workers;
		this.claimer = claimer;
	}

	/**
	 * Has what is due claimed and sent, and returns at once with how many deliveries this
	 * engine holds (the name, and the routes' call, are from when it sent them itself). A
	 * wake-up during a claim run makes another run after it, so none is lost.
	 */
	public int runOnce() {
		wake();
		return held();
	}

	private void wake() {
		if (this.properties.enabled() && this.claimScheduled.compareAndSet(false, true)) {
			try {
				this.claimer.execute(this::claimDue);
			}
			catch (RejectedExecutionException ex) {
				this.claimScheduled.set(false);
			}
		}
	}

	/** How many claimed deliveries this engine holds, queued or in calls. */
	int held() {
		return this.held.get();
	}

	/** Stop the workers; unfinished deliveries come back after their lease. */
	public void shutdown() {
		this.claimer.shutdownNow();
		this.workers.shutdownNow();
	}

	private void claimDue() {
		// Cleared first: a wake-up from now on schedules another run.
		this.claimScheduled.set(false);
		try {
			while (true) {
				int room = this.properties.maxInFlight() - this.held.get();
				Set<String> full = fullLanes();
				if (room <= 0) {
					this.backlog.set(true);
					return;
				}
				int asked = Math.min(this.properties.batchSize(), room);
				List<ClaimedDelivery> claimed = this.queue.claim(asked, this.properties.lease(), full);
				this.held.addAndGet(claimed.size());
				queue(claimed);
				if (claimed.size() < asked) {
					this.backlog.set(!full.isEmpty());
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			// The database failed: the poll tries again.
			log.warn("Deliveries could not be claimed ({})", ex.getMessage());
		}
	}

	private Set<String> fullLanes() {
		return this.lanes.values()
			.stream()
			.filter((lane) -> lane.queued() >= lane.capacity())
			.map(DestinationLane::destinationId)
			.collect(Collectors.toSet());
	}

	/**
	 * How many deliveries a destination's lane holds before it is left out of claims:
	 * what its rate limit lets it send in an eighth of the lease (so that what it holds
	 * leaves well within the lease, even when engines share the limit, and does not go
	 * stale and back), and never more than two claims' worth or a quarter of
	 * max-in-flight (so one destination cannot take all the room while others wait).
	 */
	private int capacity(String destinationId) {
		int most = Math.max(2 * this.properties.batchSize(), this.properties.maxInFlight() / 4);
		OptionalInt sendable = this.dispatcher.sendableWithin(destinationId, this.properties.lease().dividedBy(8));
		return sendable.isPresent() ? Math.min(most, sendable.getAsInt()) : most;
	}

	private void queue(List<ClaimedDelivery> claimed) {
		long now = System.nanoTime();
		Map<String, List<ClaimedDelivery>> byDestination = claimed.stream()
			.collect(Collectors.groupingBy(ClaimedDelivery::destinationId, LinkedHashMap::new, Collectors.toList()));
		byDestination.forEach((destinationId, deliveries) -> {
			DestinationLane lane = this.lanes.computeIfAbsent(destinationId,
					(id) -> new DestinationLane(id, Math.max(1, this.properties.concurrency() / 2), capacity(id)));
			if (lane.add(deliveries, now)) {
				start(lane);
			}
		});
	}

	private void start(DestinationLane lane) {
		try {
			this.workers.execute(() -> serve(lane));
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the lease brings the deliveries back.
		}
	}

	/** One call to the lane's destination (or handing its deliveries back). */
	private void serve(DestinationLane lane) {
		LaneCall call = new LaneCall(lane);
		try {
			this.dispatcher.call(lane.destinationId(), call);
		}
		catch (RuntimeException ex) {
			// A bug or the database: the lease brings the deliveries back.
			log.error("Deliveries could not be sent", ex);
		}
		finally {
			if (lane.ended(call.tookTurn, call.sent)) {
				start(lane);
			}
			this.held.addAndGet(-call.handedOut);
			if (this.backlog.get()) {
				wake();
			}
		}
	}

	/** What one task of a lane takes from it. */
	private final class LaneCall implements DestinationDispatcher.CallSource {

		private final DestinationLane lane;

		private boolean tookTurn;

		private boolean sent;

		private int handedOut;

		LaneCall(DestinationLane lane) {
			this.lane = lane;
		}

		@Override
		public List<ClaimedDelivery> next(int max) {
			DestinationLane.Taken taken = this.lane.take(max);
			this.tookTurn = true;
			this.sent = !taken.call().isEmpty();
			if (taken.startNext()) {
				start(this.lane);
			}
			this.handedOut += taken.call().size();
			long stale = System.nanoTime() - properties.lease().toNanos() / 2;
			List<ClaimedDelivery> call = new ArrayList<>(taken.call().size());
			for (DestinationLane.Held held : taken.call()) {
				if (held.claimedAtNanos() - stale < 0) {
					// Held too long to be sure of the lease: due again, for any engine.
					queue.release(held.delivery(), Instant.now());
				}
				else {
					call.add(held.delivery());
				}
			}
			return call;
		}

		@Override
		public List<ClaimedDelivery> rest() {
			List<ClaimedDelivery> rest = this.lane.drain().stream().map(DestinationLane.Held::delivery).toList();
			this.handedOut += rest.size();
			return rest;
		}

	}

}
