package io.leadrelay.audit;

import java.time.Instant;

/**
 * One thing that happened, to be appended to the audit trail. Details never hold a lead's
 * answers or any other personal data.
 *
 * @param occurredAt when it happened
 * @param actor who did it: {@code system}, {@code meta} or a user name
 * @param action what happened, such as {@code lead_event.received}
 * @param subjectType the kind of thing it happened to, such as {@code lead}
 * @param subjectId the id of that thing, such as a leadgen id
 * @param details a short JSON object or sentence with context, may be {@code null}
 */
public record AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
		String details) {

}
