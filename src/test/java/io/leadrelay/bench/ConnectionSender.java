package io.leadrelay.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * One connection's share of the Java client's load: posts a new signed notification as
 * soon as the last was answered (or at its turn, when paced) until the end, and keeps the
 * latency of each 200 and the count of everything else.
 */
final class ConnectionSender implements Runnable {

	private final URI target;

	private final long interval;

	private final long end;

	private final LongConsumer onSend;

	private final AtomicLong budget;

	private long next;

	private long[] latencies = new long[1 << 16];

	private int count;

	private long failed;

	/**
	 * @param first when to send the first request if paced (nanoTime)
	 * @param interval nanoseconds between two requests of this connection, 0 for unpaced
	 * @param end when to stop (nanoTime)
	 * @param onSend told each leadgen id as it is sent, or {@code null}
	 */
	ConnectionSender(URI target, long first, long interval, long end, LongConsumer onSend) {
		this(target, first, interval, end, onSend, null);
	}

	/**
	 * The same, stopping also once the connections together sent {@code budget} requests
	 * ({@code null}: no such limit).
	 */
	ConnectionSender(URI target, long first, long interval, long end, LongConsumer onSend, AtomicLong budget) {
		this.budget = budget;
		this.target = target;
		this.next = first;
		this.interval = interval;
		this.end = end;
		this.onSend = onSend;
	}

	@Override
	public void run() {
		KeepAliveConnection connection = null;
		while (System.nanoTime() < this.end && (this.budget == null || this.budget.getAndDecrement() > 0)) {
			waitForTurn();
			long id = LeadgenNotifications.nextId();
			byte[] body = LeadgenNotifications.notification(Long.toString(id));
			long sent = System.nanoTime();
			if (this.onSend != null) {
				this.onSend.accept(id);
			}
			int status;
			try {
				if (connection == null) {
					connection = new KeepAliveConnection(this.target);
				}
				status = connection.post(this.target.getPath(), body, LeadgenNotifications.sign(body));
				if (connection.closed()) {
					connection = KeepAliveConnection.close(connection);
				}
			}
			catch (IOException ex) {
				status = -1;
				connection = KeepAliveConnection.close(connection);
			}
			record(status, System.nanoTime() - sent);
		}
		KeepAliveConnection.close(connection);
		this.latencies = Arrays.copyOf(this.latencies, this.count);
	}

	private void waitForTurn() {
		if (this.interval > 0) {
			for (long wait = this.next - System.nanoTime(); wait > 0; wait = this.next - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			this.next += this.interval;
		}
	}

	private void record(int status, long latency) {
		if (status == 200) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = latency;
		}
		else {
			this.failed++;
		}
	}

	/** The latency of each 200 in nanoseconds, once {@link #run()} returned. */
	long[] latencies() {
		return this.latencies;
	}

	long failed() {
		return this.failed;
	}

}
