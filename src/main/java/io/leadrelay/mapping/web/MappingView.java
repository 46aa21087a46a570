package io.leadrelay.mapping.web;

import java.time.Instant;

import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.StoredMapping;

/**
 * A version of a mapping as the API shows it.
 *
 * @param id the mapping's id
 * @param version this version
 * @param current whether this is the version in use
 * @param destination the destination of its payloads
 * @param enabled whether leads are mapped with it
 * @param createdAt when this version was saved
 * @param createdBy who saved it ({@code file:<name>} for a mapping file)
 * @param definition the definition, as YAML
 */
record MappingView(String id, int version, boolean current, String destination, boolean enabled, Instant createdAt,
		String createdBy, String definition) {

	static MappingView of(StoredMapping stored, Mapping mapping) {
		return new MappingView(stored.id(), stored.version(), stored.current(), mapping.destination(),
				mapping.enabled(), stored.createdAt(), stored.createdBy(), stored.definition());
	}

}
