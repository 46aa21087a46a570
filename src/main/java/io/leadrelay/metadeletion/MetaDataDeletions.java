package io.leadrelay.metadeletion;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.leadrelay.page.PageNotFoundException;
import io.leadrelay.page.Pages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out Meta's data-deletion requests and remembers them by confirmation code.
 * LeadRelay keys nothing to a person's Facebook Login id (the user token that lists their
 * pages is used once and dropped), so a person's request deletes nothing and says so; a
 * Page's request deletes the page's connection and its access token, as disconnecting it
 * does (its forms go with it).
 */
@Service
public class MetaDataDeletions {

	/** Who the app's Page-level deletions are audited as. */
	static final String ACTOR = "meta";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int CODE_LENGTH = 16;

	private final Pages pages;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	MetaDataDeletions(Pages pages, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.pages = pages;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Deletes what is held for the request's person or Page, and records it. */
	@Transactional
	public MetaDataDeletion carryOut(SignedRequest request) {
		int pagesDeleted = 0;
		if (request.forPage()) {
			pagesDeleted = deletePage(request.profileId());
		}
		Instant now = this.clock.instant();
		MetaDataDeletion deletion = new MetaDataDeletion(newCode(), now, request.forPage(), pagesDeleted, pagesDeleted);
		this.jdbc.update("""
				INSERT INTO meta_data_deletion (confirmation_code, received_at, requested_for, pages_deleted,
				    tokens_deleted) VALUES (?, ?, ?, ?, ?)""", deletion.confirmationCode(),
				now.atOffset(ZoneOffset.UTC), request.forPage() ? "page" : "person", deletion.pagesDeleted(),
				deletion.tokensDeleted());
		this.events.publishEvent(new MetaDataDeletionRecorded(deletion));
		return deletion;
	}

	/** A recorded request, by its confirmation code. */
	public Optional<MetaDataDeletion> find(String confirmationCode) {
		return this.jdbc.query("""
				SELECT confirmation_code, received_at, requested_for, pages_deleted, tokens_deleted
				FROM meta_data_deletion WHERE confirmation_code = ?""",
				(rs, row) -> new MetaDataDeletion(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
						"page".equals(rs.getString(3)), rs.getInt(4), rs.getInt(5)),
				confirmationCode)
			.stream()
			.findFirst();
	}

	private int deletePage(String pageId) {
		try {
			// get() is not transactional: a page that is not here does not roll back the
			// record.
			this.pages.get(pageId);
		}
		catch (PageNotFoundException ex) {
			return 0;
		}
		this.pages.delete(pageId, ACTOR);
		return 1;
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

}
