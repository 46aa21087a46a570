package io.leadrelay.destination;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

/**
 * What each destination type needs in its settings and credentials. Settings get their
 * defaults filled in; an unknown, missing or malformed field is refused by name.
 */
final class DestinationRules {

	private static final Pattern SALESFORCE_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}__c");

	private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");

	private static final Pattern CAMEL_URI = Pattern.compile("[a-z][a-z0-9+.-]*:[^\\s]+");

	private static final String RETRY_SCHEDULE = DestinationView.RETRY_SCHEDULE;

	private static final String RETRY_HORIZON = DestinationView.RETRY_HORIZON;

	private static final Set<String> SALESFORCE_FLOWS = Set.of("client_credentials", "jwt_bearer", "refresh_token");

	private DestinationRules() {
	}

	/**
	 * The settings with defaults filled in, after checking them against the type. Every
	 * type may also override the delivery retry schedule and horizon.
	 */
	static Map<String, String> settings(DestinationType type, Map<String, String> given) {
		Map<String, String> settings = new LinkedHashMap<>(given);
		Map<String, String> retry = retrySettings(settings);
		typeSettings(type, settings);
		settings.putAll(retry);
		return settings;
	}

	private static Map<String, String> retrySettings(Map<String, String> settings) {
		Map<String, String> retry = new LinkedHashMap<>();
		String schedule = settings.remove(RETRY_SCHEDULE);
		if (schedule != null) {
			for (String step : schedule.split(",")) {
				Duration wait = duration("settings." + RETRY_SCHEDULE, step);
				if (wait.isZero() || wait.isNegative()) {
					throw new InvalidDestinationException("settings." + RETRY_SCHEDULE,
							"settings." + RETRY_SCHEDULE + " must list positive durations such as 30s,5m,1h");
				}
			}
			retry.put(RETRY_SCHEDULE, schedule);
		}
		String horizon = settings.remove(RETRY_HORIZON);
		if (horizon != null) {
			Duration value = duration("settings." + RETRY_HORIZON, horizon);
			if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(Duration.ofDays(30)) > 0) {
				throw new InvalidDestinationException("settings." + RETRY_HORIZON,
						"settings." + RETRY_HORIZON + " must be between 1m and 30d");
			}
			retry.put(RETRY_HORIZON, horizon);
		}
		return retry;
	}

	private static Duration duration(String field, String value) {
		try {
			return DurationStyle.detectAndParse(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDestinationException(field, field + " must be durations such as 30s, 5m or 1h");
		}
	}

	private static void typeSettings(DestinationType type, Map<String, String> settings) {
		switch (type) {
			case HUBSPOT -> {
				allowOnly("settings", settings, Set.of("baseUrl", "idProperty"));
				settings.putIfAbsent("baseUrl", "https://api.hubapi.com");
				settings.putIfAbsent("idProperty", "email");
				url("settings.baseUrl", settings.get("baseUrl"));
			}
			case SALESFORCE -> {
				allowOnly("settings", settings,
						Set.of("loginUrl", "authFlow", "externalIdField", "apiVersion", "username"));
				settings.putIfAbsent("loginUrl", "https://login.salesforce.com");
				settings.putIfAbsent("apiVersion", "62.0");
				url("settings.loginUrl", settings.get("loginUrl"));
				oneOf("settings.authFlow", settings.get("authFlow"), SALESFORCE_FLOWS);
				matches("settings.externalIdField", settings.get("externalIdField"), SALESFORCE_FIELD,
						"a custom field API name such as LeadRelay_Leadgen_Id__c");
				matches("settings.apiVersion", settings.get("apiVersion"), API_VERSION, "a version such as 62.0");
				if ("jwt_bearer".equals(settings.get("authFlow"))) {
					required("settings.username", settings.get("username"));
				}
			}
			case PIPEDRIVE -> {
				allowOnly("settings", settings, Set.of("baseUrl"));
				settings.putIfAbsent("baseUrl", "https://api.pipedrive.com");
				url("settings.baseUrl", settings.get("baseUrl"));
			}
			case WEBHOOK -> {
				allowOnly("settings", settings, Set.of("url"));
				url("settings.url", settings.get("url"));
			}
			case ROUTE -> {
				allowOnly("settings", settings, Set.of("endpointUri"));
				matches("settings.endpointUri", settings.get("endpointUri"), CAMEL_URI,
						"a Camel endpoint URI such as direct:sheets");
			}
			default -> throw new IllegalStateException("Unknown type " + type);
		}
	}

	/** Check credentials against the type and its (already checked) settings. */
	static void credentials(DestinationType type, Map<String, String> settings, Map<String, String> credentials) {
		switch (type) {
			case HUBSPOT -> exactly(credentials, Set.of("accessToken"));
			case PIPEDRIVE -> exactly(credentials, Set.of("apiToken"));
			case WEBHOOK -> {
				exactly(credentials, Set.of("signingSecret"));
				if (credentials.get("signingSecret").length() < 24) {
					throw new InvalidDestinationException("credentials.signingSecret",
							"credentials.signingSecret must be at least 24 characters");
				}
			}
			case ROUTE -> exactly(credentials, Set.of());
			case SALESFORCE -> exactly(credentials, switch (settings.get("authFlow")) {
				case "jwt_bearer" -> Set.of("clientId", "privateKey");
				case "refresh_token" -> Set.of("clientId", "clientSecret", "refreshToken");
				default -> Set.of("clientId", "clientSecret");
			});
			default -> throw new IllegalStateException("Unknown type " + type);
		}
	}

	private static void exactly(Map<String, String> credentials, Set<String> names) {
		allowOnly("credentials", credentials, names);
		names.stream().sorted().forEach((name) -> required("credentials." + name, credentials.get(name)));
	}

	private static void allowOnly(String prefix, Map<String, String> values, Set<String> allowed) {
		values.keySet().stream().filter((name) -> !allowed.contains(name)).findFirst().ifPresent((name) -> {
			throw new InvalidDestinationException(prefix + "." + name,
					"Unknown field " + prefix + "." + name + ((allowed.isEmpty()) ? "; this type takes none"
							: "; expected " + allowed.stream().sorted().toList()));
		});
	}

	private static void required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidDestinationException(field, field + " is required");
		}
	}

	private static void oneOf(String field, String value, Set<String> allowed) {
		required(field, value);
		if (!allowed.contains(value)) {
			throw new InvalidDestinationException(field,
					field + " must be one of " + allowed.stream().sorted().toList());
		}
	}

	private static void matches(String field, String value, Pattern pattern, String what) {
		required(field, value);
		if (!pattern.matcher(value).matches()) {
			throw new InvalidDestinationException(field, field + " must be " + what);
		}
	}

	private static void url(String field, String value) {
		required(field, value);
		try {
			URI uri = new URI(value);
			boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
			if (!web || uri.getHost() == null) {
				throw new InvalidDestinationException(field, field + " must be an absolute http or https URL");
			}
			if (uri.getUserInfo() != null) {
				throw new InvalidDestinationException(field,
						field + " must not hold credentials; put them in credentials, which are stored encrypted");
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidDestinationException(field, field + " is not a valid URL");
		}
	}

}
