package io.leadrelay.audit.web;

import java.time.Instant;

import io.leadrelay.audit.AuditFilter;
import io.leadrelay.web.DayOrInstant;
import io.leadrelay.web.InvalidRequestException;

/**
 * The audit log's filters as the page and the API receive them, read into an
 * {@link AuditFilter}. Each refusal names its parameter. A time is an ISO-8601 instant
 * ({@code 2026-12-04T10:00:00Z}) or a day ({@code 2026-12-04}, in UTC): {@code from} a
 * day starts at its beginning, {@code to} a day includes the whole day.
 */
record AuditQuery(String actor, String action, String subjectType, String subjectId, String from, String to,
		String before) {

	static final int MAX_PAGE_SIZE = 200;

	AuditFilter filter() {
		Instant start = DayOrInstant.from("from", this.from);
		Instant end = DayOrInstant.to("to", this.to);
		if (start != null && end != null && !start.isBefore(end)) {
			throw new InvalidRequestException("to", "to must be after from");
		}
		return new AuditFilter(text("actor", this.actor, 64), text("action", this.action, 64),
				text("subjectType", this.subjectType, 32), text("subjectId", this.subjectId, 64), start, end);
	}

	Long beforeId() {
		if (blank(this.before)) {
			return null;
		}
		try {
			long id = Long.parseLong(this.before.trim());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidRequestException("before", "before must be the id of an entry (a whole number above 0)");
	}

	static int size(int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
		}
		return size;
	}

	private static String text(String name, String value, int maxLength) {
		if (blank(value)) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() > maxLength) {
			throw new InvalidRequestException(name, name + " must be at most " + maxLength + " characters");
		}
		return trimmed;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
