package io.leadrelay.destination;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.leadrelay.destination.spi.DestinationType;

import org.springframework.boot.convert.DurationStyle;

/**
 * The settings of a destination: those every type takes (the retry schedule and horizon),
 * checked here, and the type's own, which its {@link DestinationType} checks and fills in
 * with defaults. An unknown, missing or malformed field is refused by name.
 */
final class DestinationRules {

	private static final String RETRY_SCHEDULE = DestinationView.RETRY_SCHEDULE;

	private static final String RETRY_HORIZON = DestinationView.RETRY_HORIZON;

	private DestinationRules() {
	}

	/**
	 * The settings with defaults filled in, after checking them against the type. Every
	 * type may also override the delivery retry schedule and horizon.
	 */
	static Map<String, String> settings(DestinationType type, Map<String, String> given) {
		Map<String, String> settings = new LinkedHashMap<>(given);
		Map<String, String> retry = retrySettings(settings);
		Map<String, String> checked = new LinkedHashMap<>(type.settings(settings));
		checked.putAll(retry);
		return checked;
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

}
