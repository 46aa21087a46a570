package io.leadrelay.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Sends signed leadgen notifications (or posts to the bare endpoint) for a while: from
 * wrk when it is installed and nothing needs to know when each lead was sent, otherwise
 * from one {@link ConnectionSender} thread per connection.
 */
final class LoadGenerator {

	private LoadGenerator() {
	}

	static Measurement load(String url, int concurrency, Duration duration, LongConsumer onSend) {
		if (onSend == null && WrkLoad.AVAILABLE) {
			return WrkLoad.load(url, concurrency, duration);
		}
		return load(url, concurrency, duration, onSend, 0);
	}

	/**
	 * The same, paced: when {@code rate} is above 0, the connections together send that
	 * many requests per second (open loop) instead of as many as they can.
	 */
	static Measurement load(String url, int concurrency, Duration duration, LongConsumer onSend, double rate) {
		return load(url, concurrency, duration, onSend, rate, null);
	}

	/** Sends {@code count} requests as fast as they are answered (at most an hour). */
	static Measurement count(String url, int concurrency, long count) {
		return load(url, concurrency, Duration.ofHours(1), null, 0, new AtomicLong(count));
	}

	private static Measurement load(String url, int concurrency, Duration duration, LongConsumer onSend, double rate,
			AtomicLong budget) {
		URI target = URI.create(url);
		long interval = (rate > 0) ? (long) (1e9 * concurrency / rate) : 0;
		long end = System.nanoTime() + duration.toNanos();
		ConnectionSender[] senders = new ConnectionSender[concurrency];
		Thread[] threads = new Thread[concurrency];
		long start = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			long first = System.nanoTime() + (interval * t) / concurrency;
			senders[t] = new ConnectionSender(target, first, interval, end, onSend, budget);
			threads[t] = new Thread(senders[t]);
			threads[t].start();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] all = Arrays.stream(senders)
			.flatMapToLong((sender) -> Arrays.stream(sender.latencies()))
			.sorted()
			.toArray();
		long failed = Arrays.stream(senders).mapToLong(ConnectionSender::failed).sum();
		return new Measurement(all.length, failed, seconds, all);
	}

}
