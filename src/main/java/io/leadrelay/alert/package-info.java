/**
 * Alerts: telling a person, by email or a Slack-style webhook, when something needs them
 * before leads are late (a destination's credentials refused, a page token expiring, dead
 * letters piling up, webhooks gone silent, the database out of reach), once per incident,
 * with reminders and a message when it is resolved; and optional new-lead notifications.
 */
package io.leadrelay.alert;
