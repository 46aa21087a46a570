package io.leadrelay.delivery;

/**
 * Makes a lead's payload again with the current version of a mapping, for a replay after
 * the mapping was fixed. Implemented by the pipeline, which keeps the leads and knows how
 * to map them.
 */
public interface LeadRemapper {

	/**
	 * The lead's new payload, or why there is none.
	 * @throws io.leadrelay.mapping.MappingNotFoundException when the mapping is gone
	 */
	Remapped remap(String leadgenId, String mappingId);

	/**
	 * A lead mapped again.
	 *
	 * @param payloadJson the new payload
	 * @param mappingVersion the mapping version used
	 * @param error why the lead still cannot be sent, or {@code null}
	 */
	record Remapped(String payloadJson, int mappingVersion, String error) {

		public boolean ok() {
			return this.error == null;
		}

	}

}
