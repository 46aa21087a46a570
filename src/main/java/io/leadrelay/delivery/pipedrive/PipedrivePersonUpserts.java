package io.leadrelay.delivery.pipedrive;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.delivery.DeliveryOutcome;
import io.leadrelay.delivery.DeliveryOutcome.Retry;
import io.leadrelay.delivery.HttpReply;
import io.leadrelay.delivery.pipedrive.PersonClaims.Claim;
import io.leadrelay.delivery.pipedrive.PipedriveClient.Account;
import io.leadrelay.delivery.pipedrive.PipedriveReplies.Result;

/**
 * Finds the person of a lead's email and updates it, or creates it: one person per
 * destination and email even when Pipedrive's search index lags seconds behind a create.
 * A person we created is remembered ({@link PersonClaims}) and read by its id rather than
 * searched for; one Pipedrive no longer has (404, or deleted) is forgotten and searched
 * for again. Searching and creating happen under a claim on the email, so two leads with
 * one email, on one engine or several, never both create.
 */
final class PipedrivePersonUpserts {

	private final PipedriveClient client;

	private final PipedriveReplies replies;

	private final PipedrivePersons persons;

	private final PersonClaims claims;

	PipedrivePersonUpserts(PipedriveClient client, PipedriveReplies replies, PipedrivePersons persons,
			PersonClaims claims) {
		this.client = client;
		this.replies = replies;
		this.persons = persons;
		this.claims = claims;
	}

	Saved upsert(Account account, String destinationId, Map<String, String> payload) {
		PersonKey key = PersonKey.of(destinationId, payload.get(PipedrivePersons.EMAIL));
		return this.claims.serially(key, () -> upsert(account, key, payload, 2));
	}

	private Saved upsert(Account account, PersonKey key, Map<String, String> payload, int rounds) {
		Claim claim = this.claims.claim(key);
		if (claim instanceof Claim.Remembered remembered) {
			HttpReply reply = this.client.getPerson(account, remembered.personId());
			if (!gone(reply)) {
				Result read = this.replies.read(reply, "reading the person");
				if (read.failed()) {
					return Saved.failed(read.failure());
				}
				if (!deleted(read.data())) {
					return update(account, payload, read.data(), remembered.personId());
				}
			}
			claim = this.claims.forget(key, remembered.personId());
		}
		if (claim instanceof Claim.Claimed claimed) {
			return searchOrCreate(account, key, claimed, payload);
		}
		if (claim instanceof Claim.Remembered && rounds > 0) {
			// Another delivery forgot the deleted person and created it again meanwhile.
			return upsert(account, key, payload, rounds - 1);
		}
		return Saved.failed(Retry.transientFailure(
				"Another delivery is still creating the Pipedrive person of this email; trying again later", null));
	}

	private Saved searchOrCreate(Account account, PersonKey key, Claim.Claimed claim, Map<String, String> payload) {
		Result search = this.replies.read(this.client.searchPerson(account, payload.get(PipedrivePersons.EMAIL)),
				"searching the person");
		if (search.failed()) {
			this.claims.release(key, claim);
			return Saved.failed(search.failure());
		}
		JsonNode found = search.data().path("items").path(0).get("item");
		if (found != null) {
			this.claims.release(key, claim);
			return update(account, payload, found, found.path("id").asLong(0));
		}
		HttpReply reply = this.client.createPerson(account, this.persons.toCreate(payload));
		Result created = this.replies.read(reply, "creating the person");
		if (created.failed()) {
			if (!(reply instanceof HttpReply.NoReply)) {
				// Without a reply the person may exist: the claim, left to end, keeps
				// others from creating a second one while the search catches up.
				this.claims.release(key, claim);
			}
			return Saved.failed(created.failure());
		}
		long personId = created.data().path("id").asLong(0);
		if (personId == 0) {
			this.claims.release(key, claim);
			return Saved.failed(noId());
		}
		this.claims.remember(key, claim, personId);
		return new Saved(personId, "person " + personId + " created", null);
	}

	private Saved update(Account account, Map<String, String> payload, JsonNode person, long personId) {
		if (personId == 0) {
			return Saved.failed(noId());
		}
		Result saved = this.replies.read(
				this.client.updatePerson(account, personId, this.persons.toUpdate(payload, person)),
				"updating the person");
		return saved.failed() ? Saved.failed(saved.failure())
				: new Saved(personId, "person " + personId + " updated", null);
	}

	private static boolean gone(HttpReply reply) {
		return reply instanceof HttpReply.Replied replied && (replied.status() == 404 || replied.status() == 410);
	}

	private static boolean deleted(JsonNode person) {
		return person.path("is_deleted").asBoolean(false) || !person.path("active_flag").asBoolean(true);
	}

	private static DeliveryOutcome noId() {
		return Retry.transientFailure("Pipedrive's person answer carried no id", null);
	}

	/**
	 * The person a lead belongs to, or why there is none.
	 *
	 * @param personId the person's id
	 * @param description what was done, such as {@code person 4711 updated}
	 * @param failure the outcome the delivery ends with when it failed
	 */
	record Saved(long personId, String description, DeliveryOutcome failure) {

		static Saved failed(DeliveryOutcome failure) {
			return new Saved(0, null, failure);
		}

		boolean isFailed() {
			return this.failure != null;
		}

	}

}
