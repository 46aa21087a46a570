package io.leadrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads how long a CRM asks to wait from the headers it sends with a 429.
 */
public final class RetryDelays {

	private RetryDelays() {
	}

	/** {@code Retry-After} as seconds or as an HTTP date; never negative. */
	public static Optional<Duration> retryAfter(HttpReply.Replied reply, Clock clock) {
		Optional<String> value = reply.header("Retry-After").map(String::trim);
		if (value.isEmpty()) {
			return Optional.empty();
		}
		Optional<Duration> seconds = number(value.get()).map(Duration::ofSeconds);
		if (seconds.isPresent()) {
			return seconds.map(RetryDelays::notNegative);
		}
		try {
			Instant at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(notNegative(Duration.between(clock.instant(), at)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** A header holding a whole number, such as a count of seconds or milliseconds. */
	public static Optional<Long> numberHeader(HttpReply.Replied reply, String name) {
		return reply.header(name).map(String::trim).flatMap(RetryDelays::number);
	}

	/** The wait until the next midnight UTC, when daily budgets of CRMs reset. */
	public static Duration untilMidnightUtc(Clock clock) {
		return Duration.between(clock.instant(), nextMidnightUtc(clock));
	}

	public static Instant nextMidnightUtc(Clock clock) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return today.plus(1, ChronoUnit.DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static Optional<Long> number(String value) {
		try {
			return Optional.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Duration notNegative(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

}
