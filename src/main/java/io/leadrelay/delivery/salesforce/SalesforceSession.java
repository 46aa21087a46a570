package io.leadrelay.delivery.salesforce;

import io.leadrelay.delivery.DeliveryOutcome;

/**
 * What asking for an access token gave: a session to call the REST API with, or the
 * outcome to report instead.
 */
sealed interface SalesforceSession {

	/**
	 * A token and the instance it is for.
	 *
	 * @param accessToken the bearer token; never log it
	 * @param instanceUrl the org's base URL, without a trailing slash
	 * @param fresh whether it was just issued (not taken from the cache)
	 */
	record Active(String accessToken, String instanceUrl, boolean fresh) implements SalesforceSession {

		@Override
		public String toString() {
			return "Active[instanceUrl=" + this.instanceUrl + ", fresh=" + this.fresh + "]";
		}

	}

	/**
	 * No token: the outcome of the delivery is this.
	 *
	 * @param outcome credentials rejected, or a retry
	 */
	record Failed(DeliveryOutcome outcome) implements SalesforceSession {

	}

}
