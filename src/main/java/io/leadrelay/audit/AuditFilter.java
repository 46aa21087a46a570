package io.leadrelay.audit;

import java.time.Instant;

/**
 * Which audit entries to list; each part left {@code null} matches every entry.
 *
 * @param actor who did it, exactly
 * @param action what happened, exactly, such as {@code user.role_changed}
 * @param subjectType the kind of thing it happened to, such as {@code lead}
 * @param subjectId the id of that thing
 * @param from the earliest moment, included
 * @param to the latest moment, excluded
 */
public record AuditFilter(String actor, String action, String subjectType, String subjectId, Instant from, Instant to) {

	/** Every entry. */
	public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

}
