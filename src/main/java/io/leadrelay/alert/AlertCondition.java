package io.leadrelay.alert;

/**
 * Something that needs a person, in words they act on. Never holds a lead's personal
 * data.
 *
 * @param key what makes two rounds' conditions the same incident, stable while it lasts,
 * for example {@code destination-credentials:hubspot-main}; at most 200 characters
 * @param kind the kind of trouble, for example {@code destination-credentials}; at most
 * 64 characters
 * @param title one line, for example "HubSpot (main) refuses its credentials"
 * @param detail what is wrong and what to do, a few sentences
 * @param link the engine's page where it is fixed, as a path such as
 * {@code /destinations/hubspot-main}, or {@code null}
 */
public record AlertCondition(String key, String kind, String title, String detail, String link) {

}
