/**
 * The dashboard, the home page: leads per day, delivery success per destination, the
 * webhook-to-CRM latency, dead letters, the oldest waiting lead and what needs fixing
 * (pages without a working token, destinations without credentials). Reads the tables of
 * {@code pipeline}, {@code delivery}, {@code page} and {@code destination} with read-only
 * range counts of its own; no module depends on it.
 */
package io.leadrelay.dashboard;
