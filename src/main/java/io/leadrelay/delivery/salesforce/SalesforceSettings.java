package io.leadrelay.delivery.salesforce;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.leadrelay.destination.InvalidDestinationException;
import io.leadrelay.destination.spi.DestinationFields;

/**
 * What a Salesforce destination takes: where to log in and how, the external id field
 * leads are upserted by, and the credentials its login flow needs.
 */
final class SalesforceSettings {

	/**
	 * The REST API version of Winter '27, Salesforce's release since October 2026; orgs
	 * that still answer an older one are told so when the destination is saved or tested.
	 */
	static final String DEFAULT_API_VERSION = "68.0";

	private static final Pattern CUSTOM_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}__c");

	private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");

	private static final Set<String> AUTH_FLOWS = Set.of("client_credentials", "jwt_bearer", "refresh_token");

	private SalesforceSettings() {
	}

	static Map<String, String> check(Map<String, String> given) {
		DestinationFields settings = DestinationFields
			.settings(given, Set.of("loginUrl", "authFlow", "externalIdField", "apiVersion", "username"))
			.withDefault("loginUrl", "https://login.salesforce.com")
			.withDefault("apiVersion", DEFAULT_API_VERSION)
			.url("loginUrl")
			.oneOf("authFlow", AUTH_FLOWS)
			.matches("externalIdField", CUSTOM_FIELD, "a custom field API name such as LeadRelay_Leadgen_Id__c")
			.matches("apiVersion", API_VERSION, "a version such as " + DEFAULT_API_VERSION);
		if ("jwt_bearer".equals(settings.get("authFlow"))) {
			settings.required("username");
		}
		return settings.values();
	}

	/**
	 * Refuses an {@code apiVersion} the Salesforce host does not offer. A host that could
	 * not be asked refuses nothing: the destination's test says what it answers.
	 * @param host the login or instance URL asked
	 */
	static void checkOffered(SalesforceVersions.Offered offered, String host, String apiVersion) {
		if (offered instanceof SalesforceVersions.Offered.Listed listed && !listed.versions().contains(apiVersion)) {
			throw new InvalidDestinationException("settings.apiVersion", "settings.apiVersion " + apiVersion
					+ " is not offered by " + host + "; the latest API version it offers is " + listed.latest());
		}
	}

	static void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		DestinationFields.credentials(credentials, switch (settings.get("authFlow")) {
			case "jwt_bearer" -> Set.of("clientId", "privateKey");
			case "refresh_token" -> Set.of("clientId", "clientSecret", "refreshToken");
			default -> Set.of("clientId", "clientSecret");
		});
	}

}
