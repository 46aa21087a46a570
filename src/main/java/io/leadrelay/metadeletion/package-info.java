/**
 * Meta's data-deletion callback ({@code POST /webhooks/meta/data-deletion}) and its
 * public status page ({@code /privacy/deletions/{code}}): a signed request naming a
 * person (by the app-scoped id Facebook Login gives) or a Page that removed the app; what
 * LeadRelay holds for it is deleted, and the request is recorded without personal data.
 * <p>
 * Depends on {@code meta} (the app secrets) and {@code page} (a Page's connection and
 * token); {@code audit} listens to
 * {@link io.leadrelay.metadeletion.MetaDataDeletionRecorded}.
 */
package io.leadrelay.metadeletion;
