package io.leadrelay.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One stored entry of the audit trail, as read back.
 *
 * @param id its place in the trail
 * @param occurredAt when it happened
 * @param actor who did it: {@code system}, {@code meta} or a user name
 * @param action what happened, such as {@code lead_event.received}
 * @param subjectType the kind of thing it happened to, such as {@code lead}
 * @param subjectId the id of that thing
 * @param details its context (empty when it has none)
 */
public record AuditRecord(long id, Instant occurredAt, String actor, String action, String subjectType,
		String subjectId, Map<String, Object> details) {

}
