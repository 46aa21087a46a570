package io.leadrelay.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.leadrelay.ingest.LeadEventInbox.StoreResult;
import io.leadrelay.ingest.LeadEventInbox.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Commits the leads of webhook requests that arrive together in one transaction. Every
 * caller still waits until its own leads are committed, so a 200 still means stored; but
 * sixty requests arriving at once cost one commit instead of sixty. A commit is what a
 * request costs most: H2 writes a new chunk of its file, PostgreSQL flushes its log.
 *
 * <p>
 * One writer thread takes whatever is waiting (up to {@link #MAX_LEADS_PER_COMMIT} leads)
 * and stores it. When that transaction fails, every request of the group gets the failure
 * (and answers 503, so that Meta sends it again); when the data of one request broke it,
 * the requests are stored one by one and only that one fails.
 */
class GroupCommitter implements AutoCloseable {

	static final int MAX_LEADS_PER_COMMIT = 1000;

	private static final long POLL_MILLIS = 100;

	private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

	private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

	private final LeadEventInbox inbox;

	private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();

	private final Thread writer;

	private volatile boolean closed;

	GroupCommitter(LeadEventInbox inbox) {
		this.inbox = inbox;
		this.writer = new Thread(this::writeUntilClosed, "lead-event-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Store the leads of one request, together with those of requests waiting at the same
	 * time; returns once they are committed.
	 * @throws org.springframework.dao.DataAccessException or
	 * {@link org.springframework.transaction.TransactionException} when they could not be
	 * stored
	 */
	StoreResult store(List<LeadNotification> leads, Instant receivedAt) {
		Pending pending = new Pending(new Submission(leads, receivedAt, "webhook"), new CompletableFuture<>());
		if (this.closed) {
			throw shuttingDown();
		}
		this.waiting.add(pending);
		if (this.closed && this.waiting.remove(pending)) {
			throw shuttingDown();
		}
		try {
			return pending.result().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CannotCreateTransactionException("interrupted while waiting for the commit", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new CannotCreateTransactionException("could not store the leads", ex.getCause());
		}
	}

	private void writeUntilClosed() {
		List<Pending> group = new ArrayList<>();
		while (!this.closed || !this.waiting.isEmpty()) {
			try {
				Pending first = this.waiting.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				int leads = first.submission().leads().size();
				for (Pending next = this.waiting.peek(); next != null
						&& leads + next.submission().leads().size() <= MAX_LEADS_PER_COMMIT; next = this.waiting
							.peek()) {
					// poll, not remove: a request refused at shutdown takes itself out of
					// the queue
					Pending taken = this.waiting.poll();
					if (taken == null) {
						break;
					}
					group.add(taken);
					leads += taken.submission().leads().size();
				}
				commit(group);
			}
			catch (InterruptedException ex) {
				log.warn("The lead event writer was interrupted; it goes on");
			}
			finally {
				group.clear();
			}
		}
	}

	private void commit(List<Pending> group) {
		try {
			List<StoreResult> results = this.inbox.storeAll(group.stream().map(Pending::submission).toList());
			for (int index = 0; index < group.size(); index++) {
				group.get(index).result().complete(results.get(index));
			}
		}
		catch (DataIntegrityViolationException ex) {
			if (group.size() == 1) {
				group.get(0).result().completeExceptionally(ex);
				return;
			}
			// One request's data broke the transaction: store each alone, so that only
			// that
			// one fails (and Meta's resends of the others do not keep meeting it).
			group.forEach((pending) -> commit(List.of(pending)));
		}
		catch (RuntimeException | Error ex) {
			group.forEach((pending) -> pending.result().completeExceptionally(ex));
		}
	}

	/**
	 * Stores what is waiting, then stops the writer; later requests are refused. The
	 * writer is not interrupted: an interrupt inside a write would close H2's file.
	 */
	@Override
	public void close() throws InterruptedException {
		this.closed = true;
		this.writer.join(CLOSE_TIMEOUT_MILLIS);
		Pending left;
		while ((left = this.waiting.poll()) != null) {
			left.result().completeExceptionally(shuttingDown());
		}
	}

	/** How many requests wait for the writer. */
	int waiting() {
		return this.waiting.size();
	}

	private static CannotCreateTransactionException shuttingDown() {
		return new CannotCreateTransactionException("the engine is shutting down");
	}

	private record Pending(Submission submission, CompletableFuture<StoreResult> result) {

	}

}
