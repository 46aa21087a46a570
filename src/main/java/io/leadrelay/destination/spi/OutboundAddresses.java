package io.leadrelay.destination.spi;

import java.net.URI;
import java.util.Optional;

/**
 * Which addresses destinations may be sent to, as the engine that sends them decides
 * (implemented by the delivery feature's network guard). Every http or https URL among a
 * destination's settings is checked with it when the destination is saved.
 */
public interface OutboundAddresses {

	/**
	 * Why no call may go to this URL, such as {@code points at a loopback address
	 * (127.0.0.1), ...}, or empty when it may.
	 */
	Optional<String> refusal(URI url);

}
