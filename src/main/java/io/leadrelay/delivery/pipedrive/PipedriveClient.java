package io.leadrelay.delivery.pipedrive;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.HttpReply;

/**
 * The Pipedrive calls a delivery makes, the API token in the {@code x-api-token} header
 * (never in a URL).
 */
final class PipedriveClient {

	private final ConnectorHttp http;

	PipedriveClient(ConnectorTimeouts timeouts) {
		this.http = new ConnectorHttp("Pipedrive", timeouts);
	}

	HttpReply searchPerson(Account account, String email) {
		return this.http.send(
				account
					.request("/api/v2/persons/search?fields=email&exact_match=true&limit=10&term="
							+ URLEncoder.encode(email, StandardCharsets.UTF_8))
					.GET(),
				"searching the person");
	}

	HttpReply createPerson(Account account, ObjectNode person) {
		return this.http.send(account.request("/api/v2/persons").POST(json(person)), "creating the person");
	}

	HttpReply getPerson(Account account, long personId) {
		return this.http.send(account.request("/api/v2/persons/" + personId).GET(), "reading the person");
	}

	HttpReply updatePerson(Account account, long personId, ObjectNode person) {
		return this.http.send(account.request("/api/v2/persons/" + personId).method("PATCH", json(person)),
				"updating the person");
	}

	HttpReply leadsOf(Account account, long personId) {
		return this.http.send(
				account.request("/api/v1/leads?archived_status=all&limit=500&person_id=" + personId).GET(),
				"listing the person's leads");
	}

	HttpReply createLead(Account account, ObjectNode lead) {
		return this.http.send(account.request("/api/v1/leads").POST(json(lead)), "creating the lead");
	}

	HttpReply deletePerson(Account account, long personId) {
		return this.http.send(account.request("/api/v2/persons/" + personId).DELETE(), "deleting the person");
	}

	HttpReply deleteLead(Account account, String leadId) {
		return this.http.send(
				account.request("/api/v1/leads/" + URLEncoder.encode(leadId, StandardCharsets.UTF_8)).DELETE(),
				"deleting the lead");
	}

	private static HttpRequest.BodyPublisher json(ObjectNode body) {
		return BodyPublishers.ofString(body.toString());
	}

	/**
	 * Where and as whom to call.
	 *
	 * @param baseUrl the API's base URL, such as {@code https://api.pipedrive.com}
	 * @param apiToken the API token
	 */
	record Account(String baseUrl, String apiToken) {

		HttpRequest.Builder request(String pathAndQuery) {
			return HttpRequest.newBuilder(URI.create(this.baseUrl.replaceAll("/+$", "") + pathAndQuery))
				.header("x-api-token", this.apiToken)
				.header("Content-Type", "application/json");
		}

		@Override
		public String toString() {
			return "Account[" + this.baseUrl + "]";
		}

	}

}
