package io.leadrelay.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Seals new audit entries every {@code leadrelay.audit.seal-interval}, in every engine:
 * engines take turns on the chain's head, so running in each is safe, and one left alone
 * keeps the chain sealed.
 */
@Component
class AuditSealing implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditSealing.class);

	private final AuditSealer sealer;

	private final AuditProperties properties;

	private ScheduledExecutorService timer;

	AuditSealing(AuditSealer sealer, AuditProperties properties) {
		this.sealer = sealer;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.timer = Executors.newSingleThreadScheduledExecutor((work) -> {
			Thread thread = new Thread(work, "audit-sealer");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.sealInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::seal, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void seal() {
		try {
			this.sealer.sealPending();
		}
		catch (PessimisticLockingFailureException ex) {
			// Another engine held the chain's head longer than the database waits: it
			// seals.
			log.debug("Another engine is sealing the audit trail", ex);
		}
		catch (RuntimeException ex) {
			log.warn("Could not seal new audit entries; trying again in {}", this.properties.sealInterval(), ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	/**
	 * Stops the timer also when the context fails to start after this bean started
	 * (Spring then destroys the beans without stopping them), before the connection pool
	 * closes.
	 */
	@Override
	public void destroy() {
		stop();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

}
