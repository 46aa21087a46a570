package io.leadrelay.privacy;

import java.util.List;

/**
 * What an erasure removed, in counts (never the person's data), and what became of their
 * records in the CRMs.
 *
 * @param reference the erasure's reference, the audit entry's subject
 * @param keyKind what the person was looked up by: {@code email}, {@code phone} or
 * {@code leadgen_id}
 * @param leads leads whose answers were removed
 * @param alreadyErased of those, leads whose data had been removed before
 * @param deliveries deliveries whose payloads were removed
 * @param attempts delivery attempts whose messages were scrubbed
 * @param payloadEdits hand edits of payloads removed
 * @param searchTerms search terms (email, phone, name words) deleted
 * @param pipedrivePersons remembered Pipedrive persons forgotten
 * @param suppressions what the person is known by, now suppressed (each once)
 * @param crm one outcome per record in a CRM
 */
public record ErasureResult(String reference, String keyKind, int leads, int alreadyErased, int deliveries,
		int attempts, int payloadEdits, int searchTerms, int pipedrivePersons, int suppressions, List<CrmOutcome> crm) {

	/**
	 * What became of one record in a CRM.
	 *
	 * @param destinationId the destination
	 * @param destinationName its name
	 * @param crmRecordId the CRM's id for it, when the CRM gave one
	 * @param outcome {@code DELETED}, {@code NOT_FOUND}, {@code FAILED} or
	 * {@code LEFT_TO_OPERATOR}
	 * @param message what to do, in words, without personal data
	 */
	public record CrmOutcome(String destinationId, String destinationName, String crmRecordId, String outcome,
			String message) {

	}

	/** The CRM records the operator must delete by hand. */
	public List<CrmOutcome> leftToOperator() {
		return this.crm.stream()
			.filter((o) -> !"DELETED".equals(o.outcome()) && !"NOT_FOUND".equals(o.outcome()))
			.toList();
	}

}
