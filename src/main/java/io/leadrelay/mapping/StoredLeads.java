package io.leadrelay.mapping;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The enriched leads a mapping can be previewed on. Implemented by the pipeline, which
 * keeps each lead once its answers are fetched.
 */
public interface StoredLeads {

	/** The lead's answers and metadata, if it has been enriched. */
	Optional<LeadData> find(String leadgenId);

	/**
	 * The latest enriched leads of the forms (of any form when none is given), newest
	 * first; test leads are left out.
	 */
	List<LeadData> latest(Collection<String> formIds, int limit);

}
