package io.leadrelay.delivery.salesforce;

import java.util.List;

/**
 * The REST API versions a Salesforce host offers, as its unauthenticated
 * {@code GET /services/data} lists them.
 */
@FunctionalInterface
interface SalesforceVersions {

	/**
	 * @param baseUrl the login URL or the org's instance URL
	 * @return the versions listed, or why none could be read
	 */
	Offered offered(String baseUrl);

	/** What a host answered about its versions. */
	sealed interface Offered {

		/**
		 * The host listed its versions.
		 *
		 * @param versions the versions, such as {@code 68.0}, oldest first
		 */
		record Listed(List<String> versions) implements Offered {

			String latest() {
				return this.versions.isEmpty() ? "none" : this.versions.get(this.versions.size() - 1);
			}

		}

		/**
		 * The host could not be asked or did not answer with a list.
		 *
		 * @param reason why, without secrets
		 */
		record Unknown(String reason) implements Offered {
		}

	}

}
