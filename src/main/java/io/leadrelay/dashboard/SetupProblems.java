package io.leadrelay.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.leadrelay.destination.DestinationStatus;
import io.leadrelay.page.TokenStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Pages and destinations that stop leads until someone fixes them. */
@Component
public class SetupProblems {

	/** A token expiring sooner than this is shown before it stops the page's leads. */
	static final Duration TOKEN_WARNING = Duration.ofDays(7);

	private final JdbcTemplate jdbc;

	public SetupProblems(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Pages whose token is refused, lacks a permission, or expires within 7 days of now.
	 */
	public List<PageProblem> pages(Instant now) {
		return this.jdbc.query("""
				SELECT page_id, name, token_status, token_message, token_expires_at FROM page
				WHERE token_status IN (?, ?) OR token_expires_at < ? ORDER BY name, page_id""", (row, index) -> {
			Instant expiresAt = instant(row.getObject("token_expires_at", OffsetDateTime.class));
			return new PageProblem(row.getString("page_id"), row.getString("name"),
					problem(row.getString("token_status"), expiresAt, now), row.getString("token_message"), expiresAt);
		}, TokenStatus.NEEDS_TOKEN.code(), TokenStatus.MISSING_SCOPES.code(),
				now.plus(TOKEN_WARNING).atOffset(ZoneOffset.UTC));
	}

	/** Destinations whose target refused their credentials. */
	public List<DestinationProblem> destinations() {
		return this.jdbc.query(
				"SELECT destination_id, name, type FROM destination WHERE status = ? ORDER BY name, destination_id",
				(row, index) -> new DestinationProblem(row.getString("destination_id"), row.getString("name"),
						row.getString("type")),
				DestinationStatus.NEEDS_CREDENTIALS.code());
	}

	private static String problem(String tokenStatus, Instant expiresAt, Instant now) {
		if (TokenStatus.NEEDS_TOKEN.code().equals(tokenStatus)) {
			return "Needs a new token";
		}
		if (TokenStatus.MISSING_SCOPES.code().equals(tokenStatus)) {
			return "Token lacks a permission";
		}
		return (expiresAt != null && !expiresAt.isAfter(now)) ? "Token has expired" : "Token expires soon";
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * A page whose leads stop (or soon will) until its token is replaced.
	 *
	 * @param pageId the page's id
	 * @param name its name
	 * @param problem what is wrong, in the marketer's words
	 * @param message what Meta said, if anything
	 * @param expiresAt when its token expires ({@code null}: unknown or never)
	 */
	public record PageProblem(String pageId, String name, String problem, String message, Instant expiresAt) {

	}

	/**
	 * A destination paused until its credentials are replaced.
	 *
	 * @param destinationId its id
	 * @param name its name
	 * @param type its type, such as {@code hubspot}
	 */
	public record DestinationProblem(String destinationId, String name, String type) {

	}

}
