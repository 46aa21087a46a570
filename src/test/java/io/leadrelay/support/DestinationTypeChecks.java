package io.leadrelay.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.destination.InvalidDestinationException;
import io.leadrelay.destination.spi.DestinationType;

/**
 * Runs a destination type's checks on settings and credentials given as JSON, and says
 * what came of them: the settings to store, or the refused field and its message.
 */
public final class DestinationTypeChecks {

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private static final ObjectMapper JSON = new ObjectMapper();

	private DestinationTypeChecks() {
	}

	/**
	 * @return the settings as stored, such as {@code {baseUrl=https://api.hubapi.com}},
	 * or the refusal, such as {@code settings.url: settings.url is required}
	 */
	public static String check(DestinationType type, String settings, String credentials) {
		try {
			Map<String, String> checked = type.settings(map(settings));
			type.checkCredentials(checked, map(credentials));
			return checked.toString();
		}
		catch (InvalidDestinationException ex) {
			return ex.field() + ": " + ex.getMessage();
		}
	}

	/** A JSON object of strings as a map, in its order. */
	public static Map<String, String> map(String json) {
		try {
			return JSON.readValue(json, MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
