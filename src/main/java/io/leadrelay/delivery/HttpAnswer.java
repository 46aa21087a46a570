package io.leadrelay.delivery;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * What came back from one call to a CRM: an HTTP answer, or none.
 */
public sealed interface HttpAnswer {

	/**
	 * The CRM answered.
	 *
	 * @param status its status
	 * @param headers its headers
	 * @param body its body, possibly empty
	 */
	record Replied(int status, HttpHeaders headers, String body) implements HttpAnswer {

		public Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

		public boolean successful() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * The CRM did not answer: timeout, refused connection, broken stream.
	 *
	 * @param reason what happened, without secrets
	 */
	record NoAnswer(String reason) implements HttpAnswer {

		public DeliveryOutcome.Retry retry() {
			return DeliveryOutcome.Retry.transientFailure(this.reason, null);
		}

	}

}
