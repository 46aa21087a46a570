package io.leadrelay.security.tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A token as a row of the tokens page shows it: times written out for people.
 *
 * @param id the token's number
 * @param name its name
 * @param hint the first characters of its secret
 * @param created when it was created, relative
 * @param createdExact the same, exact
 * @param expires when it stops working, relative
 * @param expiresExact the same, exact
 * @param lastUsed when it last signed a request in, relative, or {@code Never}
 * @param lastUsedExact the same, exact, or {@code null}
 * @param status its status, in words
 * @param active whether it still works (and may be revoked)
 */
record TokenRow(long id, String name, String hint, String created, String createdExact, String expires,
		String expiresExact, String lastUsed, String lastUsedExact, String status, boolean active) {

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	static TokenRow of(ApiToken token, Instant now) {
		ApiToken.Status status = token.status(now);
		return new TokenRow(token.id(), token.name(), token.hint() + "…", relative(token.createdAt(), now),
				EXACT.format(token.createdAt()), relative(token.expiresAt(), now), EXACT.format(token.expiresAt()),
				(token.lastUsedAt() != null) ? relative(token.lastUsedAt(), now) : "Never",
				(token.lastUsedAt() != null) ? EXACT.format(token.lastUsedAt()) : null, status.label(),
				status == ApiToken.Status.ACTIVE);
	}

	/** "3 min ago", "in 90 days", "just now": rounded to the nearest unit. */
	static String relative(Instant then, Instant now) {
		Duration between = Duration.between(now, then);
		long seconds = Math.abs(between.toSeconds());
		String amount;
		if (seconds < 60) {
			return "just now";
		}
		else if (seconds < 3600 - 30) {
			amount = Math.round(seconds / 60.0) + " min";
		}
		else if (seconds < 48 * 3600 - 1800) {
			amount = plural(Math.round(seconds / 3600.0), "hour");
		}
		else {
			amount = plural(Math.round(seconds / 86400.0), "day");
		}
		return between.isNegative() ? amount + " ago" : "in " + amount;
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
