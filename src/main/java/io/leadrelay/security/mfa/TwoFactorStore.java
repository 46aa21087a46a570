package io.leadrelay.security.mfa;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two-factor columns of {@code app_user} (the encrypted secret and the last step a
 * code was accepted for) and the user's recovery codes.
 */
class TwoFactorStore {

	private final JdbcTemplate jdbc;

	TwoFactorStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The encrypted secret of a user, empty when two-factor sign-in is off. */
	Optional<String> encryptedSecret(long userId) {
		return this.jdbc.queryForList("SELECT totp_secret FROM app_user WHERE id = ?", String.class, userId)
			.stream()
			.filter((secret) -> secret != null)
			.findFirst();
	}

	/**
	 * Remembers that a code of {@code step} was used, unless a code of that step or a
	 * later one was used before: each code works once, and an older one never after a
	 * newer one.
	 * @return whether the step was free
	 */
	boolean claimStep(long userId, long step) {
		return this.jdbc.update("""
				UPDATE app_user SET totp_last_step = ?
				WHERE id = ? AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < ?)""", step,
				userId, step) == 1;
	}

	/**
	 * Turns two-factor sign-in on with a secret whose code of {@code step} was just
	 * typed, and replaces the recovery codes.
	 * @return whether it was off before (two tabs may confirm at once)
	 */
	boolean enable(long userId, String encryptedSecret, long step, List<String> codeHashes, Instant now) {
		int updated = this.jdbc.update(
				"UPDATE app_user SET totp_secret = ?, totp_last_step = ? WHERE id = ? AND totp_secret IS NULL",
				encryptedSecret, step, userId);
		if (updated == 0) {
			return false;
		}
		this.jdbc.update("DELETE FROM recovery_code WHERE user_id = ?", userId);
		for (String hash : codeHashes) {
			this.jdbc.update("INSERT INTO recovery_code (user_id, code_hash, created_at) VALUES (?, ?, ?)", userId,
					hash, now.atOffset(ZoneOffset.UTC));
		}
		return true;
	}

	/** Turns two-factor sign-in off: the secret and the recovery codes are deleted. */
	void disable(long userId) {
		this.jdbc.update("UPDATE app_user SET totp_secret = NULL, totp_last_step = NULL WHERE id = ?", userId);
		this.jdbc.update("DELETE FROM recovery_code WHERE user_id = ?", userId);
	}

	/**
	 * Marks a recovery code used, if it is one of the user's and unused.
	 * @return whether it was
	 */
	boolean useRecoveryCode(long userId, String codeHash, Instant now) {
		return this.jdbc.update(
				"UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
				now.atOffset(ZoneOffset.UTC), userId, codeHash) == 1;
	}

	int unusedRecoveryCodes(long userId) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL", Integer.class, userId);
		return (count != null) ? count : 0;
	}

}
