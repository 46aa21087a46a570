package io.leadrelay.delivery.pipedrive;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.delivery.CrmErasureRequest;
import io.leadrelay.delivery.CrmErasures.CrmErasure;
import io.leadrelay.delivery.CrmErasures.CrmErasure.Outcome;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.pipedrive.PipedriveClient.Account;
import io.leadrelay.delivery.pipedrive.PipedriveReplies.Result;

/**
 * Deletes a person from Pipedrive: the lead a delivery created (its id is the record a
 * delivery kept), then the person, found as deliveries find it: the one this engine
 * created for the destination and email, else Pipedrive's person with that email.
 */
final class PipedriveErasures {

	private static final Pattern LEAD_ID = Pattern.compile("[0-9a-fA-F-]{36}");

	private final PipedriveClient client;

	private final PipedriveReplies replies;

	private final PipedrivePersonTable table;

	PipedriveErasures(PipedriveClient client, PipedriveReplies replies, PipedrivePersonTable table) {
		this.client = client;
		this.replies = replies;
		this.table = table;
	}

	CrmErasure erase(CrmErasureRequest request) {
		String token = request.credentials().get("apiToken");
		if (!PipedrivePersons.present(token)) {
			return outcome(request, Outcome.FAILED, "The destination has no Pipedrive API token; add one and erase "
					+ "again, or delete the person in Pipedrive by hand.");
		}
		Account account = new Account(request.settings().getOrDefault("baseUrl", "https://api.pipedrive.com"), token);
		String leadId = request.crmRecordId();
		boolean leadDeleted = false;
		if (leadId != null && LEAD_ID.matcher(leadId).matches()) {
			Result lead = this.replies.read(this.client.deleteLead(account, leadId), "deleting the lead");
			if (lead.failed() && !notFound(lead.failure())) {
				return failed(request, lead.failure(), "lead " + leadId + " and its person");
			}
			leadDeleted = !lead.failed();
		}
		if (request.email() == null) {
			return leadDeleted ? outcome(request, Outcome.DELETED, "Pipedrive deleted lead " + leadId
					+ "; LeadRelay knows no email to find its person by: delete the person in Pipedrive by hand.")
					: outcome(request, Outcome.LEFT_TO_OPERATOR,
							"LeadRelay knows neither the Pipedrive person nor its email; find and delete it by hand.");
		}
		PersonKey key = PersonKey.of(request.record().destinationId(), request.email());
		Optional<Long> personId = this.table.find(key).map(PipedrivePersonTable.Row::personId);
		if (personId.isEmpty()) {
			Result search = this.replies.read(this.client.searchPerson(account, request.email()),
					"searching the person");
			if (search.failed()) {
				return failed(request, search.failure(), "the person with the person's email");
			}
			JsonNode first = search.data().path("items").path(0).path("item").path("id");
			personId = first.canConvertToLong() ? Optional.of(first.asLong()) : Optional.empty();
		}
		if (personId.isEmpty()) {
			this.table.remove(key);
			return outcome(request, leadDeleted ? Outcome.DELETED : Outcome.NOT_FOUND,
					leadDeleted ? "Pipedrive deleted lead " + leadId + "; it has no person with the person's email."
							: "Pipedrive has no person with the person's email (any more).");
		}
		return deletePerson(request, account, key, personId.get(), leadDeleted);
	}

	private CrmErasure deletePerson(CrmErasureRequest request, Account account, PersonKey key, long personId,
			boolean leadDeleted) {
		Result deleted = this.replies.read(this.client.deletePerson(account, personId), "deleting the person");
		if (deleted.failed() && !notFound(deleted.failure())) {
			return failed(request, deleted.failure(), "person " + personId);
		}
		this.table.remove(key);
		if (deleted.failed()) {
			return outcome(request, leadDeleted ? Outcome.DELETED : Outcome.NOT_FOUND, "Pipedrive has no person "
					+ personId + " (any more)" + (leadDeleted ? "; its lead was deleted." : "."));
		}
		return outcome(request, Outcome.DELETED,
				"Pipedrive deleted person " + personId + (leadDeleted ? " and its lead." : "."));
	}

	private static boolean notFound(DeliveryOutcome failure) {
		return Integer.valueOf(404).equals(failure.httpStatus()) || Integer.valueOf(410).equals(failure.httpStatus());
	}

	private static CrmErasure failed(CrmErasureRequest request, DeliveryOutcome failure, String what) {
		return outcome(request, Outcome.FAILED,
				failure.message() + ". Delete " + what + " in Pipedrive by hand, or erase again"
						+ ((failure instanceof DeliveryOutcome.CredentialsRejected) ? " once the API token is replaced."
								: " later."));
	}

	private static CrmErasure outcome(CrmErasureRequest request, Outcome outcome, String message) {
		return new CrmErasure(request.record(), outcome, message);
	}

}
