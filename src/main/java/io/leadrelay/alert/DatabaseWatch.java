package io.leadrelay.alert;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.leadrelay.audit.AuditDetails;
import io.leadrelay.audit.AuditEntry;
import io.leadrelay.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Checks, on this engine, that the database answers (route {@code database-watch}). After
 * {@code leadrelay.alerts.database-failures} failed checks in a row it alerts the
 * channels it last read from the database (it cannot read them now), once; when the
 * database answers again it sends a "resolved" message and audits the outage.
 */
@Component("databaseWatch")
public class DatabaseWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

	private final DataSource dataSource;

	private final AlertChannels channels;

	private final AuditLog audit;

	private final AlertsProperties properties;

	private final Clock clock;

	private final ExecutorService probes = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "database-watch");
		thread.setDaemon(true);
		return thread;
	});

	private int failures;

	private Instant failingSince;

	private boolean alerted;

	DatabaseWatch(DataSource dataSource, AlertChannels channels, AuditLog audit, AlertsProperties properties,
			Clock clock) {
		this.dataSource = dataSource;
		this.channels = channels;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** One check; called by the route. */
	public synchronized void check() {
		String problem = probe();
		if (problem == null) {
			answered();
			return;
		}
		this.failures++;
		if (this.failingSince == null) {
			this.failingSince = this.clock.instant();
		}
		log.warn("The database did not answer ({} in a row): {}", this.failures, problem);
		if (!this.alerted && this.failures >= this.properties.databaseFailures()) {
			this.alerted = true;
			this.channels.sendToLastKnown(new AlertMessage("LeadRelay alert: the engine cannot reach its database",
					"The LeadRelay engine on " + host() + " has not reached its database since " + this.failingSince
							+ " (" + this.failures + " checks in a row): " + problem + "\n\nLeads Meta sends now "
							+ "cannot be stored (Meta tries them again for a while) and nothing is delivered. Check the database "
							+ "server, the network between them, and spring.datasource.* in the configuration."));
		}
	}

	private void answered() {
		if (this.alerted) {
			Instant now = this.clock.instant();
			this.channels.sendToLastKnown(new AlertMessage("LeadRelay resolved: the engine reaches its database again",
					"The LeadRelay engine on " + host() + " reaches its database again (it did not from "
							+ this.failingSince + " to " + now + "). Leads Meta sent meanwhile arrive as Meta "
							+ "sends them again."));
			try {
				this.audit.record(new AuditEntry(now, "system", "alert.database_unreachable", "engine", host(),
						AuditDetails.of("from", this.failingSince.toString(), "to", now.toString())));
			}
			catch (RuntimeException ex) {
				log.warn("The database outage could not be audited", ex);
			}
		}
		this.failures = 0;
		this.failingSince = null;
		this.alerted = false;
		try {
			this.channels.refreshLastKnown();
		}
		catch (RuntimeException ex) {
			log.warn("The alert channels could not be read", ex);
		}
	}

	/** Why the database does not answer, or {@code null} when it does. */
	private String probe() {
		long timeout = this.properties.databaseCheckTimeout().toMillis();
		Future<Boolean> answer = this.probes.submit(() -> {
			try (Connection connection = this.dataSource.getConnection()) {
				return connection.isValid((int) Math.max(1, timeout / 1000));
			}
		});
		try {
			return answer.get(timeout, TimeUnit.MILLISECONDS) ? null : "the connection is not valid";
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			return "no answer within " + this.properties.databaseCheckTimeout().toSeconds() + "s";
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "this host";
		}
	}

	@Override
	public void destroy() {
		this.probes.shutdownNow();
	}

}
