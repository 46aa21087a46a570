package io.leadrelay.page;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.leadrelay.crypto.SecretCipher;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pages LeadRelay fetches leads for. Tokens are stored encrypted, bound to their
 * page, and handed out only to the code that calls the Graph API.
 */
@Service
public class Pages {

	private static final String COLUMNS = """
			SELECT page_id, name, token_status, token_message, token_expires_at, token_checked_at, created_at,
			    updated_at FROM page""";

	private static final RowMapper<PageView> VIEW = (rs, row) -> new PageView(rs.getString(1), rs.getString(2),
			rs.getString(3), rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class)),
			instant(rs.getObject(6, OffsetDateTime.class)), instant(rs.getObject(7, OffsetDateTime.class)),
			instant(rs.getObject(8, OffsetDateTime.class)));

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Pages(JdbcTemplate jdbc, SecretCipher cipher, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	public List<PageView> list() {
		return this.jdbc.query(COLUMNS + " ORDER BY name, page_id", VIEW);
	}

	public PageView get(String pageId) {
		return this.jdbc.query(COLUMNS + " WHERE page_id = ?", VIEW, pageId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new PageNotFoundException(pageId));
	}

	@Transactional
	public PageView create(String pageId, String name, String accessToken, String actor) {
		OffsetDateTime now = now();
		try {
			this.jdbc.update("""
					INSERT INTO page (page_id, name, token_ciphertext, token_status, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?)""", pageId, name, encrypt(pageId, accessToken),
					TokenStatus.UNCHECKED.code(), now, now);
		}
		catch (DuplicateKeyException ex) {
			throw new PageAlreadyExistsException(pageId);
		}
		this.events.publishEvent(new PageChanged.Created(pageId, actor));
		this.events.publishEvent(new PageTokenChanged(pageId));
		return get(pageId);
	}

	/** Change the name, the token, or both ({@code null} keeps the current value). */
	@Transactional
	public PageView update(String pageId, String name, String accessToken, String actor) {
		get(pageId);
		if (name != null) {
			this.jdbc.update("UPDATE page SET name = ?, updated_at = ? WHERE page_id = ?", name, now(), pageId);
		}
		if (accessToken != null) {
			this.jdbc.update("""
					UPDATE page SET token_ciphertext = ?, token_status = ?, token_message = NULL,
					    token_expires_at = NULL, token_checked_at = NULL, updated_at = ? WHERE page_id = ?""",
					encrypt(pageId, accessToken), TokenStatus.UNCHECKED.code(), now(), pageId);
			this.events.publishEvent(new PageTokenChanged(pageId));
		}
		this.events.publishEvent(new PageChanged.Updated(pageId, actor, accessToken != null));
		return get(pageId);
	}

	@Transactional
	public void delete(String pageId, String actor) {
		if (this.jdbc.update("DELETE FROM page WHERE page_id = ?", pageId) == 0) {
			throw new PageNotFoundException(pageId);
		}
		this.events.publishEvent(new PageChanged.Deleted(pageId, actor));
	}

	/**
	 * The page's access token in clear, for a Graph API call; empty for unknown pages.
	 */
	public Optional<String> accessToken(String pageId) {
		return this.jdbc.queryForList("SELECT token_ciphertext FROM page WHERE page_id = ?", String.class, pageId)
			.stream()
			.findFirst()
			.map((stored) -> this.cipher.decrypt(stored, context(pageId)));
	}

	/** Record what a token check found, and audit a change of verdict. */
	@Transactional
	public void recordTokenCheck(String pageId, TokenStatus status, String message, Instant expiresAt) {
		String previous = get(pageId).tokenStatus();
		OffsetDateTime now = now();
		if (status == TokenStatus.CHECK_FAILED) {
			this.jdbc.update("UPDATE page SET token_message = ?, token_checked_at = ? WHERE page_id = ?", message, now,
					pageId);
			return;
		}
		this.jdbc.update("""
				UPDATE page SET token_status = ?, token_message = ?, token_expires_at = ?, token_checked_at = ?
				WHERE page_id = ?""", status.code(), message,
				(expiresAt != null) ? expiresAt.atOffset(ZoneOffset.UTC) : null, now, pageId);
		if (!status.code().equals(previous)) {
			this.events.publishEvent(new PageChanged.TokenVerdictChanged(pageId, status));
		}
	}

	private String encrypt(String pageId, String accessToken) {
		return this.cipher.encrypt(accessToken, context(pageId));
	}

	private static String context(String pageId) {
		return "page:" + pageId + ":token";
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

}
