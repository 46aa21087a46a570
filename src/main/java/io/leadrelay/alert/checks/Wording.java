package io.leadrelay.alert.checks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the checks write times and links for people.
 */
final class Wording {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Wording() {
	}

	/**
	 * Such as "45 minutes", "3 hours", "7 days": the unit a round duration is written in,
	 * otherwise the largest whole unit.
	 */
	static String duration(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes > 0 && duration.toSeconds() % 60 == 0 && minutes % 60 == 0) {
			return (minutes % (24 * 60) == 0) ? plural(duration.toDays(), "day") : plural(duration.toHours(), "hour");
		}
		if (minutes >= 2 * 24 * 60) {
			return plural(duration.toDays(), "day");
		}
		if (minutes >= 2 * 60) {
			return plural(duration.toHours(), "hour");
		}
		if (minutes >= 1) {
			return plural(minutes, "minute");
		}
		return plural(duration.toSeconds(), "second");
	}

	/** Such as "the last hour", "the last 7 days". */
	static String last(Duration duration) {
		String written = duration(duration);
		return "the last " + (written.startsWith("1 ") ? written.substring(2) : written);
	}

	static String plural(long count, String unit) {
		if (count == 1) {
			return count + " " + unit;
		}
		// "delivery": "deliveries", but "day": "days".
		return count + " " + (unit.endsWith("ry") ? unit.substring(0, unit.length() - 1) + "ies" : unit + "s");
	}

	static String minute(Instant instant) {
		return MINUTE.format(instant);
	}

	static String param(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
