package io.leadrelay.audit;

import java.util.List;

/**
 * One page of the audit trail, newest first.
 *
 * @param items the entries on this page
 * @param nextBefore the {@code before} cursor of the next (older) page, or {@code null}
 * when this is the last
 */
public record AuditSlice(List<AuditRecord> items, Long nextBefore) {

}
