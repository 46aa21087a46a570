package io.leadrelay.delivery;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadrelay.destination.DestinationNotFoundException;
import io.leadrelay.destination.DestinationStatus;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Asks the CRMs a person was delivered to to delete them, when the person's data is
 * erased here; or says what the operator must delete by hand where a CRM cannot be asked
 * (or was not to be).
 */
@Service
public class CrmErasures {

	private static final Logger log = LoggerFactory.getLogger(CrmErasures.class);

	private final Destinations destinations;

	private final Connectors connectors;

	CrmErasures(Destinations destinations, Connectors connectors) {
		this.destinations = destinations;
		this.connectors = connectors;
	}

	/**
	 * Deletes each record, or says why it is left to the operator.
	 * @param records the person's delivered records, each once
	 * @param askCrms whether to ask the CRMs; {@code false} lists every record for the
	 * operator
	 * @return one outcome per record, in the same order
	 */
	public List<CrmErasure> erase(List<CrmRecord> records, boolean askCrms) {
		List<CrmErasure> erasures = records.stream().map((record) -> erase(record, askCrms)).toList();
		erasures.forEach((erasure) -> log.info("CRM record of destination {} after the erasure: {}",
				erasure.record().destinationId(), erasure.outcome()));
		return erasures;
	}

	private CrmErasure erase(CrmRecord record, boolean askCrms) {
		DestinationView destination;
		try {
			destination = this.destinations.get(record.destinationId());
		}
		catch (DestinationNotFoundException ex) {
			return leftToOperator(record, "The destination '" + record.destinationId()
					+ "' was deleted, so its CRM was not asked: " + byHand(record, "its CRM"));
		}
		String where = "'" + destination.name() + "' (" + destination.type() + ")";
		if (!askCrms) {
			return leftToOperator(record, "Not asked to delete: " + byHand(record, where));
		}
		if (!destination.enabled()) {
			return leftToOperator(record,
					"The destination " + where + " is turned off, so it was not asked: " + byHand(record, where));
		}
		if (destination.status() == DestinationStatus.NEEDS_CREDENTIALS) {
			return leftToOperator(record, "The destination " + where + " needs new credentials, so it was not asked: "
					+ byHand(record, where));
		}
		Optional<CrmErasure> asked = this.connectors.forType(destination.type())
			.flatMap((connector) -> connector.erase(new CrmErasureRequest(record, destination.settings(),
					this.destinations.credentials(destination.id()))));
		return asked.map((erasure) -> withoutEmail(erasure, record))
			.orElseGet(() -> leftToOperator(record, "LeadRelay cannot delete records in " + destination.type()
					+ " destinations: " + byHand(record, where)));
	}

	private static String byHand(CrmRecord record, String where) {
		String id = record.crmRecordId();
		return (id != null && !id.isBlank()) ? "delete the record " + id + " in " + where + " by hand."
				: "find the person in " + where + " by the email the erasure named and delete them by hand.";
	}

	private static CrmErasure leftToOperator(CrmRecord record, String message) {
		return new CrmErasure(record, CrmErasure.Outcome.LEFT_TO_OPERATOR, message);
	}

	/** A CRM may quote what it was asked; its message never carries the email on. */
	private static CrmErasure withoutEmail(CrmErasure erasure, CrmRecord record) {
		String email = record.email();
		if (email == null || email.isBlank() || erasure.message() == null) {
			return erasure;
		}
		String message = erasure.message()
			.replaceAll("(?i)" + Pattern.quote(email.strip()), Matcher.quoteReplacement("(the email)"));
		return new CrmErasure(erasure.record(), erasure.outcome(), message);
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
