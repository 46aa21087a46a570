package io.leadrelay.delivery.pipedrive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.leadrelay.delivery.pipedrive.PipedrivePersonTable.Row;

/**
 * Lets one delivery at a time search for and create the person of an email, per
 * destination: within this engine by a fixed set of locks (the key's hash picks one; the
 * set never grows), across engines by a claim in {@link PipedrivePersonTable}. A claim
 * lasts a lease, so that one left by a crashed engine ends; a delivery waits for
 * another's claim at most that long.
 */
final class PersonClaims {

	static final int STRIPES = 64;

	private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

	private final Lock[] stripes = new Lock[STRIPES];

	private final PipedrivePersonTable table;

	private final Clock clock;

	private final Duration lease;

	PersonClaims(PipedrivePersonTable table, Clock clock, Duration lease) {
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new ReentrantLock();
		}
		this.table = table;
		this.clock = clock;
		this.lease = lease;
	}

	/** Runs the work while no other worker of this engine works on the same key. */
	<T> T serially(PersonKey key, Supplier<T> work) {
		Lock lock = this.stripes[Math.floorMod(key.hashCode(), STRIPES)];
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The person we remember, or a claim on the email, waiting while another delivery
	 * holds it.
	 */
	Claim claim(PersonKey key) {
		long deadline = System.nanoTime() + this.lease.toNanos();
		while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
			Instant now = this.clock.instant();
			String token = UUID.randomUUID().toString();
			if (this.table.claim(key, token, now.plus(this.lease), now)) {
				return new Claim.Claimed(token);
			}
			Optional<Row> row = this.table.find(key);
			if (row.isPresent() && row.get().personId() != null) {
				return new Claim.Remembered(row.get().personId());
			}
			if (row.isPresent() && !row.get().claimedUntil().isAfter(now)
					&& this.table.takeOver(key, row.get().claimToken(), token, now.plus(this.lease))) {
				return new Claim.Claimed(token);
			}
			if (row.isPresent()) {
				LockSupport.parkNanos(POLL_NANOS);
			}
		}
		return new Claim.Busy();
	}

	/**
	 * Forgets a remembered person Pipedrive no longer has and claims its email, or, when
	 * another delivery did so first, waits for its outcome.
	 */
	Claim forget(PersonKey key, long personId) {
		String token = UUID.randomUUID().toString();
		if (this.table.forget(key, personId, token, this.clock.instant().plus(this.lease))) {
			return new Claim.Claimed(token);
		}
		return claim(key);
	}

	void remember(PersonKey key, Claim.Claimed claim, long personId) {
		this.table.remember(key, claim.token(), personId);
	}

	void release(PersonKey key, Claim.Claimed claim) {
		this.table.release(key, claim.token());
	}

	/** What a delivery may do about the person of an email. */
	sealed interface Claim {

		/** We created this person before: read and update it. */
		record Remembered(long personId) implements Claim {
		}

		/** Ours to search for and create; remember or release it after. */
		record Claimed(String token) implements Claim {
		}

		/** Another delivery held the claim as long as a claim lasts. */
		record Busy() implements Claim {
		}

	}

}
