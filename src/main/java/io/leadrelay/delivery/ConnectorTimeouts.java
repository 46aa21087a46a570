package io.leadrelay.delivery;

import java.time.Duration;

/**
 * How long a connector waits for a CRM (to connect, and for each whole reply), and the
 * {@link NetworkGuard} its calls pass.
 *
 * @param connect the connect timeout
 * @param request the timeout of one request, reply included
 * @param guard which addresses its calls may reach
 */
public record ConnectorTimeouts(Duration connect, Duration request, NetworkGuard guard) {

	/**
	 * Five seconds to connect, ten for a reply; loopback allowed, for connectors built in
	 * tests. The engine's connectors are built {@link #guardedBy guarded by} the engine's
	 * guard.
	 */
	public static final ConnectorTimeouts DEFAULT = new ConnectorTimeouts(Duration.ofSeconds(5),
			Duration.ofSeconds(10));

	/**
	 * Timeouts for a connector built in a test, whose stand-in listens on loopback: the
	 * guard allows loopback only.
	 */
	public ConnectorTimeouts(Duration connect, Duration request) {
		this(connect, request, NetworkGuard.allowingLoopback());
	}

	/** The same timeouts, with the calls passing that guard. */
	public ConnectorTimeouts guardedBy(NetworkGuard guard) {
		return new ConnectorTimeouts(this.connect, this.request, guard);
	}

}
