package io.leadrelay.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One destination's claimed deliveries in this engine, queued for its next calls, and how
 * many of its calls are on their way. At most one task waits for the destination's next
 * rate-limit permit (the waiter); it takes the deliveries for its call only once it has
 * the permit, so a call leaves with everything queued by then, up to the connector's
 * batch size. At most {@code maxCalls} tasks (waiter included) work for one destination,
 * so a slow CRM cannot hold every worker.
 */
final class DestinationLane {

	private final String destinationId;

	private final int maxCalls;

	private final int capacity;

	private final ArrayDeque<Held> queued = new ArrayDeque<>();

	private boolean waiting;

	private int sending;

	DestinationLane(String destinationId, int maxCalls, int capacity) {
		this.destinationId = destinationId;
		this.maxCalls = maxCalls;
		this.capacity = capacity;
	}

	/** How many queued deliveries make the lane full: it is left out of claims. */
	int capacity() {
		return this.capacity;
	}

	String destinationId() {
		return this.destinationId;
	}

	/** Queues claimed deliveries; true when a task must be started for this lane. */
	synchronized boolean add(List<ClaimedDelivery> deliveries, long claimedAtNanos) {
		deliveries.forEach((delivery) -> this.queued.add(new Held(delivery, claimedAtNanos)));
		return startTask();
	}

	synchronized int queued() {
		return this.queued.size();
	}

	/**
	 * The waiter takes up to {@code max} deliveries for its call and stops being the
	 * waiter; {@link Taken#startNext()} says whether a task must be started to wait for
	 * the call after.
	 */
	synchronized Taken take(int max) {
		this.waiting = false;
		List<Held> call = new ArrayList<>(Math.min(max, this.queued.size()));
		while (call.size() < max && !this.queued.isEmpty()) {
			call.add(this.queued.poll());
		}
		if (!call.isEmpty()) {
			this.sending++;
		}
		return new Taken(call, startTask());
	}

	/** Everything queued, handed back (the destination cannot take it now). */
	synchronized List<Held> drain() {
		List<Held> all = new ArrayList<>(this.queued);
		this.queued.clear();
		return all;
	}

	/**
	 * A task ended, as waiter still ({@code tookTurn} false) or after its call; true when
	 * another task must be started.
	 */
	synchronized boolean ended(boolean tookTurn, boolean sent) {
		if (!tookTurn) {
			this.waiting = false;
		}
		if (sent) {
			this.sending--;
		}
		return startTask();
	}

	private boolean startTask() {
		if (!this.waiting && this.sending < this.maxCalls && !this.queued.isEmpty()) {
			this.waiting = true;
			return true;
		}
		return false;
	}

	/**
	 * A claimed delivery and when this engine claimed it ({@link System#nanoTime()}).
	 */
	record Held(ClaimedDelivery delivery, long claimedAtNanos) {
	}

	/**
	 * What the waiter took.
	 *
	 * @param call the deliveries of its call
	 * @param startNext whether a new waiter must be started
	 */
	record Taken(List<Held> call, boolean startNext) {
	}

}
