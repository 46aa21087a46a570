package io.leadrelay.dashboard;

import java.time.Instant;

/**
 * What has not reached the CRMs yet.
 *
 * @param deadLetters deliveries that gave up and wait for a person
 * @param waitingLeads leads received but not yet read from Meta
 * @param waitingDeliveries deliveries not yet made (new, being sent, or waiting to retry)
 * @param oldestWaitingSince when the oldest lead still on its way was received
 * ({@code null} if none waits)
 */
public record Backlog(long deadLetters, long waitingLeads, long waitingDeliveries, Instant oldestWaitingSince) {

}
