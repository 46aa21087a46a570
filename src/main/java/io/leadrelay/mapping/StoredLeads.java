package io.leadrelay.mapping;

import java.util.Optional;

/**
 * The enriched leads a mapping can be previewed on. Implemented by the pipeline, which
 * keeps each lead once its answers are fetched.
 */
public interface StoredLeads {

	/** The lead's answers and metadata, if it has been enriched. */
	Optional<LeadData> find(String leadgenId);

}
