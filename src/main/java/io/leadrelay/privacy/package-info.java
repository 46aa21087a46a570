/**
 * A person's data rights: find every lead of one person (by email, phone number or
 * leadgen id), export what is stored about them, and erase it, keeping the non-personal
 * facts (ids, times, statuses, counts) so that statistics stay right. An erased person is
 * suppressed: a keyed hash of what they are known by keeps the pipeline from storing them
 * again ({@link io.leadrelay.pipeline.SuppressedPeople}).
 * <p>
 * Reads and scrubs the tables of {@code pipeline}, {@code delivery} and {@code audit}
 * directly, as the shared rule for removed personal data describes; asks
 * {@code delivery}'s {@link io.leadrelay.delivery.CrmErasures} to delete the person in
 * the CRMs. No module depends on it but through {@code SuppressedPeople}.
 */
package io.leadrelay.privacy;
