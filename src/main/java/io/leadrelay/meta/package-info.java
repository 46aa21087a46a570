/**
 * The Meta app this engine serves, as every feature that talks to Meta sees it: the app's
 * settings ({@code leadrelay.meta.*}: the app secrets that sign webhooks and prove Graph
 * calls, the webhook's verify token) and the shape of Facebook ids.
 * <p>
 * Depends on nothing of the application; {@code ingest}, {@code graph} and {@code page}
 * depend on it.
 */
package io.leadrelay.meta;
