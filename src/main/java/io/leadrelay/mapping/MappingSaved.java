package io.leadrelay.mapping;

import java.time.Instant;
import java.util.Locale;

/**
 * A mapping got a new version. Published in the transaction that saved it, so that what
 * listens (the audit trail) commits or rolls back with the version.
 *
 * @param mappingId the mapping
 * @param version its new version
 * @param change how the version came
 * @param actor the user who saved it, or {@code system} for a mapping file
 * @param savedAt when
 * @param fromVersion for a rollback, the version whose definition was saved again;
 * otherwise {@code null}
 * @param file for a mapping file, its name; otherwise {@code null}
 */
public record MappingSaved(String mappingId, int version, Change change, String actor, Instant savedAt,
		Integer fromVersion, String file) {

	/** How a version came. */
	public enum Change {

		/** A new mapping, as its version 1. */
		CREATED,
		/** A new definition of a mapping. */
		UPDATED,
		/** An old version's definition, saved again as the newest. */
		ROLLED_BACK,
		/** A mapping file's definition, new or changed since it was last loaded. */
		LOADED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
