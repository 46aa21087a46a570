package io.leadrelay.dashboard.web;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Says how long something took or has waited, as {@code ${@durationWords.of(duration)}}:
 * "850 ms", "4.2 s", "3 min 10 s", "2 h 5 min", "3 d 4 h".
 */
@Component("durationWords")
public class DurationWords {

	public String of(Duration duration) {
		if (duration == null) {
			return "";
		}
		long millis = Math.max(duration.toMillis(), 0);
		if (millis < 1000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format(java.util.Locale.ENGLISH, "%.1f s", millis / 1000.0);
		}
		long seconds = millis / 1000;
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		if (seconds < 86_400) {
			return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
		}
		return (seconds / 86_400) + " d " + (seconds % 86_400 / 3600) + " h";
	}

}
