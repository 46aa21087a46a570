package io.leadrelay.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.leadrelay.crypto.SecretCipher;
import io.leadrelay.pipeline.LeadContacts;
import io.leadrelay.pipeline.SuppressedPeople;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The erased people: a keyed hash (HMAC-SHA256) of each email, E.164 phone number and
 * leadgen id they were known by, never the value. The key is a random secret of its own
 * ({@code privacy_secret}), stored encrypted with the engine's encryption key, so that
 * the hashes cannot be recomputed from the database alone and stay the same across a key
 * rotation.
 */
@Component
class Suppressions implements SuppressedPeople {

	private static final String CONTEXT = "privacy:suppression";

	private static final String SELECT_SECRET = "SELECT secret FROM privacy_secret WHERE id = 1";

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final PhoneNumbers phones;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private volatile byte[] secret;

	/**
	 * Someone was erased: suppressions are never removed, so once there is one this stays
	 * true and need not be asked again. That there is none is never kept beyond one group
	 * of leads ({@link #forGroup}): an erasure committed on another engine must stop the
	 * next group's leads.
	 */
	private volatile boolean anyone;

	Suppressions(JdbcTemplate jdbc, SecretCipher cipher, PhoneNumbers phones, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.phones = phones;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Suppresses each key; one already suppressed stays so. */
	void suppress(Collection<PersonKey> keys) {
		for (PersonKey key : new LinkedHashSet<>(keys)) {
			// No duplicate-key exception to catch: on PostgreSQL it would abort the
			// erasure's transaction.
			String hash = hash(key);
			this.jdbc.update("""
					INSERT INTO suppression (key_hash, kind, created_at)
					SELECT CAST(? AS CHAR(64)), CAST(? AS VARCHAR(16)), CAST(? AS TIMESTAMP WITH TIME ZONE)
					WHERE NOT EXISTS (SELECT 1 FROM suppression WHERE key_hash = ?)""", hash, key.kind().code(),
					this.clock.instant().atOffset(ZoneOffset.UTC), hash);
		}
	}

	/** Whether this key is suppressed. */
	boolean suppressed(PersonKey key) {
		return hasRows() && isSuppressed(List.of(hash(key)));
	}

	@Override
	public boolean suppressed(String leadgenId, Map<String, List<String>> answers) {
		if (!hasRows()) {
			return false;
		}
		return isSuppressed(keysOf(leadgenId, answers).stream().map(this::hash).toList());
	}

	@Override
	public SuppressedPeople forGroup() {
		boolean rows = hasRows();
		return (leadgenId, answers) -> rows
				&& isSuppressed(keysOf(leadgenId, answers).stream().map(this::hash).toList());
	}

	/** What a lead's person is known by: its id, emails and phone numbers. */
	Set<PersonKey> keysOf(String leadgenId, Map<String, List<String>> answers) {
		Set<PersonKey> keys = new LinkedHashSet<>();
		keys.add(new PersonKey(PersonKey.Kind.LEADGEN_ID, leadgenId));
		for (LeadContacts.Term term : LeadContacts.of(answers)) {
			if (term.kind() == LeadContacts.Kind.EMAIL) {
				keys.add(new PersonKey(PersonKey.Kind.EMAIL, term.term()));
			}
		}
		answers.getOrDefault("phone_number", List.of())
			.forEach((phone) -> this.phones.e164(phone)
				.ifPresent((e164) -> keys.add(new PersonKey(PersonKey.Kind.PHONE, e164))));
		return keys;
	}

	private boolean hasRows() {
		if (this.anyone) {
			return true;
		}
		boolean rows = Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT CASE WHEN EXISTS (SELECT 1 FROM suppression) THEN TRUE ELSE FALSE END", Boolean.class));
		if (rows) {
			this.anyone = true;
		}
		return rows;
	}

	private boolean isSuppressed(List<String> hashes) {
		Integer found = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM suppression WHERE key_hash IN (" + PersonRecords.marks(hashes.size()) + ")",
				Integer.class, hashes.toArray());
		return found != null && found > 0;
	}

	String hash(PersonKey key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
			return HexFormat.of()
				.formatHex(mac.doFinal((key.kind().code() + ":" + key.value()).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] secret() {
		byte[] known = this.secret;
		if (known == null) {
			known = Base64.getDecoder().decode(this.cipher.decrypt(storedSecret(), CONTEXT));
			this.secret = known;
		}
		return known;
	}

	/**
	 * The stored secret, made first if there is none. It is made in a transaction of its
	 * own, committed before it is used: a hash made with a secret that a rollback (of the
	 * erasure that needed it) took away would never match again.
	 */
	private String storedSecret() {
		List<String> stored = this.jdbc.queryForList(SELECT_SECRET, String.class);
		if (!stored.isEmpty()) {
			return stored.get(0);
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		String encrypted = this.cipher.encrypt(Base64.getEncoder().encodeToString(fresh), CONTEXT);
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update("""
					INSERT INTO privacy_secret (id, secret, created_at)
					SELECT 1, CAST(? AS VARCHAR(400)), CAST(? AS TIMESTAMP WITH TIME ZONE)
					WHERE NOT EXISTS (SELECT 1 FROM privacy_secret WHERE id = 1)""", encrypted,
					this.clock.instant().atOffset(ZoneOffset.UTC)));
		}
		catch (DuplicateKeyException ex) {
			// Another engine made it at the same moment: theirs is kept, and read below.
		}
		return this.jdbc.queryForObject(SELECT_SECRET, String.class);
	}

}
