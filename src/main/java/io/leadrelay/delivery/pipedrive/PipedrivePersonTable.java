package io.leadrelay.delivery.pipedrive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code pipedrive_person} table, shared by every engine: per destination and email,
 * the person our deliveries created, or a claim (no person yet) held by the one delivery
 * that is searching for and creating it. Each change is one statement that holds only
 * when the row is as the caller saw it, so two engines never both hold a claim.
 */
@Component
class PipedrivePersonTable {

	private final JdbcTemplate jdbc;

	PipedrivePersonTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(PersonKey key) {
		List<Row> rows = this.jdbc.query(
				"SELECT person_id, claim_token, claimed_until FROM pipedrive_person"
						+ " WHERE destination_id = ? AND email_key = ?",
				(rs, i) -> new Row((Long) rs.getObject("person_id"), rs.getString("claim_token"),
						instant(rs.getObject("claimed_until", OffsetDateTime.class))),
				key.destinationId(), key.emailKey());
		return rows.stream().findFirst();
	}

	/** Claims a person nobody has claimed or remembered yet; false if one has. */
	boolean claim(PersonKey key, String token, Instant until, Instant now) {
		try {
			return this.jdbc.update(
					"INSERT INTO pipedrive_person (destination_id, email_key, claim_token, claimed_until, created_at)"
							+ " VALUES (?, ?, ?, ?, ?)",
					key.destinationId(), key.emailKey(), token, time(until), time(now)) == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Takes over a claim that has ended; false if it changed meanwhile. */
	boolean takeOver(PersonKey key, String endedToken, String token, Instant until) {
		return this.jdbc.update(
				"UPDATE pipedrive_person SET claim_token = ?, claimed_until = ?"
						+ " WHERE destination_id = ? AND email_key = ? AND person_id IS NULL AND claim_token = ?",
				token, time(until), key.destinationId(), key.emailKey(), endedToken) == 1;
	}

	/** Forgets a person Pipedrive no longer has, claiming its email; false if changed. */
	boolean forget(PersonKey key, long personId, String token, Instant until) {
		return this.jdbc.update(
				"UPDATE pipedrive_person SET person_id = NULL, claim_token = ?, claimed_until = ?"
						+ " WHERE destination_id = ? AND email_key = ? AND person_id = ?",
				token, time(until), key.destinationId(), key.emailKey(), personId) == 1;
	}

	/** Remembers the person a claim created; false if the claim was taken over. */
	boolean remember(PersonKey key, String token, long personId) {
		return this.jdbc.update(
				"UPDATE pipedrive_person SET person_id = ?, claim_token = NULL, claimed_until = NULL"
						+ " WHERE destination_id = ? AND email_key = ? AND claim_token = ?",
				personId, key.destinationId(), key.emailKey(), token) == 1;
	}

	/** Gives up a claim that created nobody. */
	void release(PersonKey key, String token) {
		this.jdbc.update("DELETE FROM pipedrive_person WHERE destination_id = ? AND email_key = ? AND person_id IS NULL"
				+ " AND claim_token = ?", key.destinationId(), key.emailKey(), token);
	}

	/** Forgets a person deleted from Pipedrive, and with it the hash of its email. */
	void remove(PersonKey key) {
		this.jdbc.update("DELETE FROM pipedrive_person WHERE destination_id = ? AND email_key = ?", key.destinationId(),
				key.emailKey());
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * One row.
	 *
	 * @param personId the person we created, or {@code null} while claimed
	 * @param claimToken the claim's holder
	 * @param claimedUntil when the claim ends
	 */
	record Row(Long personId, String claimToken, Instant claimedUntil) {

	}

}
