package io.leadrelay.delivery;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * What came back from one call to a CRM: an HTTP reply, or none.
 */
public sealed interface HttpReply {

	/**
	 * The CRM replied.
	 *
	 * @param status its status
	 * @param headers its headers
	 * @param body its body, possibly empty
	 */
	record Replied(int status, HttpHeaders headers, String body) implements HttpReply {

		public Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

		public boolean successful() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * The CRM did not reply: timeout, refused connection, broken stream.
	 *
	 * @param reason what happened, without secrets
	 */
	record NoReply(String reason) implements HttpReply {

		public DeliveryOutcome.Retry retry() {
			return DeliveryOutcome.Retry.transientFailure(this.reason, null);
		}

	}

}
