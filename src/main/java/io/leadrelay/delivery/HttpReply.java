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
	 * The CRM did not reply: timeout, refused connection, broken stream; or it was not
	 * called, its address being one destinations may not reach.
	 *
	 * @param reason what happened, without secrets
	 * @param refused whether the call was refused before it left (see
	 * {@link NetworkGuard})
	 */
	record NoReply(String reason, boolean refused) implements HttpReply {

		public NoReply(String reason) {
			this(reason, false);
		}

		/**
		 * What a delivery without a reply comes to: try again later; but a refused call
		 * is a refusal ({@link DeliveryOutcome.Permanent}): trying again cannot help
		 * until the destination or the allowed networks change.
		 */
		public DeliveryOutcome outcome() {
			if (this.refused) {
				return new DeliveryOutcome.Permanent(this.reason, null, RefusedAddressException.ERROR_CODE);
			}
			return DeliveryOutcome.Retry.transientFailure(this.reason, null);
		}

	}

}
