package io.leadrelay.delivery;

import java.time.Instant;

/**
 * One hand edit of a delivery's payload, kept beside the payload it replaced.
 *
 * @param editedAt when
 * @param editedBy who
 * @param previousPayload the payload before, as JSON
 * @param newPayload the payload after, as JSON
 * @param reason why, in the editor's words
 */
public record PayloadEdit(Instant editedAt, String editedBy, String previousPayload, String newPayload, String reason) {

}
