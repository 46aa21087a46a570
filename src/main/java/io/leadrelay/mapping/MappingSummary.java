package io.leadrelay.mapping;

import java.time.Instant;

/**
 * A mapping as listed: its current version and what it does.
 *
 * @param id the mapping's id
 * @param destination the destination its payloads go to
 * @param enabled whether leads are mapped with it
 * @param currentVersion the version in use
 * @param updatedAt when that version was saved
 * @param updatedBy who saved it
 */
public record MappingSummary(String id, String destination, boolean enabled, int currentVersion, Instant updatedAt,
		String updatedBy) {

}
