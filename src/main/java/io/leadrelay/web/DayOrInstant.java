package io.leadrelay.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code from} and {@code to} of a time filter in the pages and the API: a day in UTC
 * ({@code 2026-12-04}; {@code to} includes it) or an instant
 * ({@code 2026-12-04T10:00:00Z}).
 */
public final class DayOrInstant {

	private DayOrInstant() {
	}

	/** Where a range starts: the instant, or the day's first moment; null when blank. */
	public static Instant from(String name, String value) {
		return parse(name, value, false);
	}

	/** Where a range ends (excluded): the instant, or the next day's first moment. */
	public static Instant to(String name, String value) {
		return parse(name, value, true);
	}

	private static Instant parse(String name, String value, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			if (trimmed.length() == 10) {
				LocalDate day = LocalDate.parse(trimmed);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(trimmed);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(name,
					name + " must be a day such as 2026-12-04 or a moment such as 2026-12-04T10:00:00Z");
		}
	}

}
