package io.leadrelay.destination.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.leadrelay.destination.InvalidDestinationException;

/**
 * The settings or credentials of a destination being checked, field by field. Each check
 * refuses a field with an {@link InvalidDestinationException} that names it
 * ({@code settings.baseUrl}) and says what it must be.
 */
public final class DestinationFields {

	private final String prefix;

	private final Map<String, String> values;

	private DestinationFields(String prefix, Map<String, String> values) {
		this.prefix = prefix;
		this.values = new LinkedHashMap<>(values);
	}

	/** Settings, refusing any not {@code allowed}. */
	public static DestinationFields settings(Map<String, String> given, Set<String> allowed) {
		return new DestinationFields("settings", given).allowOnly(allowed);
	}

	/** Credentials: exactly those {@code named}, each required. */
	public static DestinationFields credentials(Map<String, String> given, Set<String> named) {
		DestinationFields credentials = new DestinationFields("credentials", given).allowOnly(named);
		named.stream().sorted().forEach(credentials::required);
		return credentials;
	}

	/** Fills in a field left out. */
	public DestinationFields withDefault(String name, String value) {
		this.values.putIfAbsent(name, value);
		return this;
	}

	public DestinationFields required(String name) {
		String value = this.values.get(name);
		if (value == null || value.isBlank()) {
			throw refused(name, "is required");
		}
		return this;
	}

	public DestinationFields oneOf(String name, Set<String> allowed) {
		required(name);
		if (!allowed.contains(this.values.get(name))) {
			throw refused(name, "must be one of " + allowed.stream().sorted().toList());
		}
		return this;
	}

	/**
	 * @param what what the field must be, such as {@code a version such as 62.0}
	 */
	public DestinationFields matches(String name, Pattern pattern, String what) {
		required(name);
		if (!pattern.matcher(this.values.get(name)).matches()) {
			throw refused(name, "must be " + what);
		}
		return this;
	}

	public DestinationFields atLeast(String name, int characters) {
		required(name);
		if (this.values.get(name).length() < characters) {
			throw refused(name, "must be at least " + characters + " characters");
		}
		return this;
	}

	/**
	 * A rule of the type's own.
	 * @param problem what is wrong with a value (such as {@code must be 24 to 64 bytes}),
	 * or {@code null} when it fits
	 */
	public DestinationFields satisfies(String name, Function<String, String> problem) {
		required(name);
		String why = problem.apply(this.values.get(name));
		if (why != null) {
			throw refused(name, why);
		}
		return this;
	}

	/** An absolute http or https URL without user information. */
	public DestinationFields url(String name) {
		required(name);
		try {
			URI uri = new URI(this.values.get(name));
			boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
			if (!web || uri.getHost() == null) {
				throw refused(name, "must be an absolute http or https URL");
			}
			if (uri.getUserInfo() != null) {
				throw refused(name, "must not hold credentials; put them in credentials, which are stored encrypted");
			}
		}
		catch (URISyntaxException ex) {
			throw refused(name, "is not a valid URL");
		}
		return this;
	}

	public String get(String name) {
		return this.values.get(name);
	}

	/** The fields, in the order given, defaults after them. */
	public Map<String, String> values() {
		return Collections.unmodifiableMap(this.values);
	}

	private DestinationFields allowOnly(Set<String> allowed) {
		this.values.keySet().stream().filter((name) -> !allowed.contains(name)).findFirst().ifPresent((name) -> {
			throw new InvalidDestinationException(field(name), "Unknown field " + field(name) + ((allowed.isEmpty())
					? "; this type takes none" : "; expected " + allowed.stream().sorted().toList()));
		});
		return this;
	}

	private InvalidDestinationException refused(String name, String why) {
		return new InvalidDestinationException(field(name), field(name) + " " + why);
	}

	private String field(String name) {
		return this.prefix + "." + name;
	}

}
