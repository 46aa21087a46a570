package io.leadrelay.mapping;

import java.time.Instant;

/**
 * One saved version of a mapping.
 *
 * @param id the mapping's id
 * @param version this version's number, from 1
 * @param currentVersion the mapping's current version
 * @param definition the definition as YAML text
 * @param createdAt when this version was saved
 * @param createdBy who saved it: a user name, or {@code file:<name>} for a version read
 * from the mapping folder
 */
public record StoredMapping(String id, int version, int currentVersion, String definition, Instant createdAt,
		String createdBy) {

	public boolean current() {
		return this.version == this.currentVersion;
	}

}
