package io.leadrelay.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Formats moments for the pages, as {@code ${@times.exact(instant)}}: the exact time in
 * UTC, which {@code fragments/time} shows until the browser replaces it with a relative
 * one in the viewer's time zone.
 */
@Component("times")
public class Times {

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String exact(Instant instant) {
		return (instant != null) ? EXACT.format(instant) : "";
	}

}
