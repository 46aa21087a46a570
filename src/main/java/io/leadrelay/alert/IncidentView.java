package io.leadrelay.alert;

import java.time.Instant;

/**
 * An open incident: a condition an alert check reports, from the round it appeared.
 *
 * @param id the incident's id
 * @param key what makes it the same incident from round to round
 * @param kind the kind of trouble
 * @param title one line
 * @param detail what is wrong and what to do
 * @param link the engine's page where it is fixed, or {@code null}
 * @param openedAt when it was first seen
 * @param lastAlertedAt when the channels were last told about it
 * @param reminders how many reminders were sent
 */
public record IncidentView(long id, String key, String kind, String title, String detail, String link, Instant openedAt,
		Instant lastAlertedAt, int reminders) {

}
