package io.leadrelay.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened, to be appended to the audit trail. Details never hold a lead's
 * answers or any other personal data.
 *
 * @param occurredAt when it happened
 * @param actor who did it: {@code system}, {@code meta} or a user name
 * @param action what happened, such as {@code lead_event.received}
 * @param subjectType the kind of thing it happened to, such as {@code lead}
 * @param subjectId the id of that thing, such as a leadgen id
 * @param details context, stored as one JSON object in the map's order (see
 * {@link AuditDetails}); entries with a {@code null} value are left out, and {@code null}
 * or no entries store no details
 */
public record AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
		Map<String, ?> details) {

	public AuditEntry {
		details = AuditDetails.withoutNulls(details);
	}

	/** An entry without details. */
	public AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId) {
		this(occurredAt, actor, action, subjectType, subjectId, null);
	}

}
