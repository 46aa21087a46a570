package io.leadrelay.destination.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the destination pages say of each destination type: its name in words, and each
 * setting and credential with a label, where to find it in the CRM, and its default. The
 * rules themselves stay with each connector ({@code settings()},
 * {@code checkCredentials()}); this only describes them for people.
 */
final class DestinationCatalogue {

	private static final Map<String, Type> TYPES = new LinkedHashMap<>();

	static {
		add(new Type("hubspot", "HubSpot", "Creates or updates a contact in HubSpot for each lead.",
				List.of(setting("baseUrl", "API address", "https://api.hubapi.com",
						"HubSpot's API. Keep the default unless you test against a stand-in."),
						setting("idProperty", "Contact identified by", "email",
								"The contact property that finds an existing contact, so a person who fills in "
										+ "two forms is one contact. Usually email.")),
				List.of(secret("accessToken", "Private app access token",
						"In HubSpot: Settings > Integrations > Private apps > Create a private app. Give it the "
								+ "scopes crm.objects.contacts.write and crm.schemas.contacts.read, then copy its "
								+ "access token (it starts with pat-)."))));
		add(new Type("salesforce", "Salesforce", "Creates or updates a Lead in Salesforce for each lead.", List.of(
				setting("loginUrl", "Login address", "https://login.salesforce.com",
						"https://login.salesforce.com for production, https://test.salesforce.com for a sandbox, "
								+ "or your My Domain address."),
				option("authFlow", "How LeadRelay signs in", "client_credentials",
						"Set up in Salesforce under Setup > App Manager > your connected app > OAuth "
								+ "settings. Client credentials is the simplest: enable it and choose a "
								+ "run-as user.",
						List.of("client_credentials", "jwt_bearer", "refresh_token")),
				setting("externalIdField", "External id field", "LeadRelay_Leadgen_Id__c",
						"A custom text field on Lead marked External ID (Setup > Object Manager > Lead > "
								+ "Fields). It holds the lead's id, so the same lead is never entered twice."),
				setting("apiVersion", "API version", "68.0",
						"The Salesforce REST API version; keep the default unless your admin asks."),
				setting("username", "Username (JWT only)", "",
						"The Salesforce user LeadRelay acts as; needed for the JWT sign-in only.")),
				List.of(secret("clientId", "Consumer key",
						"Your connected app's consumer key (App Manager > View > Manage consumer details)."),
						secret("clientSecret", "Consumer secret",
								"Shown beside the consumer key. Not needed for the JWT sign-in.", "client_credentials",
								"refresh_token"),
						secret("privateKey", "Private key (PEM)",
								"The private key whose certificate you uploaded to the connected app. JWT only.",
								"jwt_bearer"),
						secret("refreshToken", "Refresh token",
								"A refresh token issued to the connected app. Refresh token sign-in only.",
								"refresh_token"))));
		add(new Type("pipedrive", "Pipedrive", "Creates or updates a person in Pipedrive for each lead.",
				List.of(setting("baseUrl", "API address", "https://api.pipedrive.com",
						"Pipedrive's API. Keep the default unless you test against a stand-in.")),
				List.of(secret("apiToken", "API token",
						"In Pipedrive: your name (top right) > Personal preferences > API. Copy your personal "
								+ "API token."))));
		add(new Type("webhook", "Signed webhook",
				"Posts each lead as JSON to an address of yours, signed so that it can check the sender.",
				List.of(setting("url", "Address", "",
						"The https address that receives the leads, such as https://example.com/hooks/leads.")),
				List.of(secret("signingSecret", "Signing secret",
						"Shared with the receiver to check each lead's signature (Standard Webhooks): whsec_ "
								+ "followed by 24 to 64 random bytes in base64."))));
		add(new Type("route", "Camel route",
				"Hands each lead to a route your operations team declared (a spreadsheet, a queue, ...).",
				List.of(setting("endpointUri", "Route endpoint", "",
						"The direct: or seda: endpoint of a route in the routes folder, such as direct:sheets. "
								+ "Ask your operations team.")),
				List.of()));
	}

	private DestinationCatalogue() {
	}

	static List<Type> types() {
		return List.copyOf(TYPES.values());
	}

	static Optional<Type> type(String code) {
		return Optional.ofNullable((code != null) ? TYPES.get(code) : null);
	}

	/** The type's name in words, or its code for a type this page does not know. */
	static String name(String code) {
		return type(code).map(Type::name).orElse(code);
	}

	private static void add(Type type) {
		TYPES.put(type.code(), type);
	}

	private static Field setting(String key, String label, String defaultValue, String help) {
		return new Field(key, label, help, defaultValue, false, List.of(), Set.of());
	}

	private static Field option(String key, String label, String defaultValue, String help, List<String> options) {
		return new Field(key, label, help, defaultValue, false, options, Set.of());
	}

	private static Field secret(String key, String label, String help, String... forFlows) {
		return new Field(key, label, help, "", true, List.of(), Set.of(forFlows));
	}

	/**
	 * A destination type as people see it.
	 *
	 * @param code its code, such as {@code hubspot}
	 * @param name its name in words
	 * @param description what it does with a lead
	 * @param settings its settings
	 * @param credentials its credentials
	 */
	record Type(String code, String name, String description, List<Field> settings, List<Field> credentials) {

		/** The credentials that apply with these settings (Salesforce: the sign-in). */
		List<Field> credentialsFor(Map<String, String> settings) {
			String flow = settings.get("authFlow");
			return this.credentials.stream()
				.filter((field) -> field.forFlows().isEmpty() || flow == null || field.forFlows().contains(flow))
				.toList();
		}

	}

	/**
	 * One setting or credential.
	 *
	 * @param key its name in the API ({@code settings.<key>})
	 * @param label its label
	 * @param help what it is and where to find it
	 * @param defaultValue what it is when left empty
	 * @param secret whether it is a credential (write-only)
	 * @param options the values it may take, when it is a choice
	 * @param forFlows the Salesforce sign-ins it is needed for (empty: always)
	 */
	record Field(String key, String label, String help, String defaultValue, boolean secret, List<String> options,
			Set<String> forFlows) {

		public boolean multiline() {
			return "privateKey".equals(this.key);
		}

	}

}
