package io.leadrelay.delivery;

import java.time.Duration;

/**
 * How long a connector waits for a CRM: to connect, and for each whole reply.
 *
 * @param connect the connect timeout
 * @param request the timeout of one request, reply included
 */
public record ConnectorTimeouts(Duration connect, Duration request) {

	/** Five seconds to connect, ten for a reply. */
	public static final ConnectorTimeouts DEFAULT = new ConnectorTimeouts(Duration.ofSeconds(5),
			Duration.ofSeconds(10));

}
