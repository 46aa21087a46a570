package io.leadrelay.delivery.salesforce;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.leadrelay.destination.spi.DestinationFields;

/**
 * What a Salesforce destination takes: where to log in and how, the external id field
 * leads are upserted by, and the credentials its login flow needs.
 */
final class SalesforceSettings {

	private static final Pattern CUSTOM_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}__c");

	private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");

	private static final Set<String> AUTH_FLOWS = Set.of("client_credentials", "jwt_bearer", "refresh_token");

	private SalesforceSettings() {
	}

	static Map<String, String> check(Map<String, String> given) {
		DestinationFields settings = DestinationFields
			.settings(given, Set.of("loginUrl", "authFlow", "externalIdField", "apiVersion", "username"))
			.withDefault("loginUrl", "https://login.salesforce.com")
			.withDefault("apiVersion", "62.0")
			.url("loginUrl")
			.oneOf("authFlow", AUTH_FLOWS)
			.matches("externalIdField", CUSTOM_FIELD, "a custom field API name such as LeadRelay_Leadgen_Id__c")
			.matches("apiVersion", API_VERSION, "a version such as 62.0");
		if ("jwt_bearer".equals(settings.get("authFlow"))) {
			settings.required("username");
		}
		return settings.values();
	}

	static void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		DestinationFields.credentials(credentials, switch (settings.get("authFlow")) {
			case "jwt_bearer" -> Set.of("clientId", "privateKey");
			case "refresh_token" -> Set.of("clientId", "clientSecret", "refreshToken");
			default -> Set.of("clientId", "clientSecret");
		});
	}

}
