package io.leadrelay.security.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The {@code api_token} table.
 */
class ApiTokenStore {

	private static final String COLUMNS = "id, name, hint, created_at, expires_at, last_used_at, revoked_at";

	private final JdbcTemplate jdbc;

	ApiTokenStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long userId, String name, String secretHash, String hint, Instant createdAt, Instant expiresAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("""
					INSERT INTO api_token (user_id, name, secret_hash, hint, created_at, expires_at)
					VALUES (?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			statement.setLong(1, userId);
			statement.setString(2, name);
			statement.setString(3, secretHash);
			statement.setString(4, hint);
			statement.setObject(5, utc(createdAt));
			statement.setObject(6, utc(expiresAt));
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** The user's tokens, newest first. */
	List<ApiToken> ownedBy(long userId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? ORDER BY id DESC",
				ApiTokenStore::token, userId);
	}

	Optional<ApiToken> find(long userId, long tokenId) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? AND id = ?", ApiTokenStore::token, userId,
					tokenId)
			.stream()
			.findFirst();
	}

	boolean hasUsableNamed(long userId, String name, Instant now) {
		Integer count = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM api_token
				WHERE user_id = ? AND name = ? AND revoked_at IS NULL AND expires_at > ?""", Integer.class, userId,
				name, utc(now));
		return count != null && count > 0;
	}

	/** Revokes the user's token; false when it is not theirs or was revoked already. */
	boolean revoke(long userId, long tokenId, Instant now) {
		return this.jdbc.update(
				"UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL", utc(now),
				tokenId, userId) == 1;
	}

	Optional<Presented> findBySecretHash(String secretHash) {
		return this.jdbc
			.query("""
					SELECT t.id, t.name, t.expires_at, t.revoked_at, t.rate_full_at_us, u.username
					FROM api_token t JOIN app_user u ON u.id = t.user_id
					WHERE t.secret_hash = ?""",
					(row, number) -> new Presented(row.getLong("id"), row.getString("name"), instant(row, "expires_at"),
							instant(row, "revoked_at"), row.getLong("rate_full_at_us"), row.getString("username")),
					secretHash)
			.stream()
			.findFirst();
	}

	/**
	 * Records a use of the token if its rate state is still {@code expectedFullAt}: false
	 * when another request (on this engine or another) moved it first.
	 */
	boolean recordUse(long tokenId, long expectedFullAt, long fullAt, Instant now) {
		return this.jdbc.update(
				"UPDATE api_token SET rate_full_at_us = ?, last_used_at = ? WHERE id = ? AND rate_full_at_us = ?",
				fullAt, utc(now), tokenId, expectedFullAt) == 1;
	}

	long rateState(long tokenId) {
		Long state = this.jdbc.queryForObject("SELECT rate_full_at_us FROM api_token WHERE id = ?", Long.class,
				tokenId);
		return (state != null) ? state : 0;
	}

	private static ApiToken token(ResultSet row, int number) throws SQLException {
		return new ApiToken(row.getLong("id"), row.getString("name"), row.getString("hint"), instant(row, "created_at"),
				instant(row, "expires_at"), instant(row, "last_used_at"), instant(row, "revoked_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A token as an API request presents it.
	 *
	 * @param id the token's number
	 * @param name its name
	 * @param expiresAt when it stops working
	 * @param revokedAt when it was revoked, or {@code null}
	 * @param rateFullAt its rate limit state
	 * @param owner the user name of its owner
	 */
	record Presented(long id, String name, Instant expiresAt, Instant revokedAt, long rateFullAt, String owner) {

	}

}
