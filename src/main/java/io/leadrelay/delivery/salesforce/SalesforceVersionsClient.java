package io.leadrelay.delivery.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.HttpReply;

/**
 * Reads {@code GET <baseUrl>/services/data}: a JSON list of
 * {@code {"version":"68.0","label":"Winter '27","url":"/services/data/v68.0"}}, which
 * Salesforce answers without authentication.
 */
final class SalesforceVersionsClient implements SalesforceVersions {

	private final ConnectorHttp http;

	private final ObjectMapper json;

	SalesforceVersionsClient(ConnectorHttp http, ObjectMapper json) {
		this.http = http;
		this.json = json;
	}

	@Override
	public Offered offered(String baseUrl) {
		URI uri;
		try {
			uri = URI.create(baseUrl.replaceAll("/+$", "") + "/services/data");
		}
		catch (IllegalArgumentException ex) {
			return new Offered.Unknown("not a URL");
		}
		HttpReply reply = this.http.send(HttpRequest.newBuilder(uri).GET(), "listing the API versions");
		if (reply instanceof HttpReply.NoReply none) {
			return new Offered.Unknown(none.reason());
		}
		HttpReply.Replied replied = (HttpReply.Replied) reply;
		if (!replied.successful()) {
			return new Offered.Unknown("Salesforce answered " + replied.status() + " while listing the API versions");
		}
		return versions(replied.body());
	}

	private Offered versions(String body) {
		JsonNode list;
		try {
			list = this.json.readTree((body != null) ? body : "");
		}
		catch (IOException ex) {
			list = null;
		}
		if (list == null || !list.isArray()) {
			return new Offered.Unknown("Salesforce did not answer with a list of API versions");
		}
		List<String> versions = new ArrayList<>();
		for (JsonNode entry : list) {
			String version = entry.path("version").asText("");
			if (!version.isBlank()) {
				versions.add(version);
			}
		}
		versions.sort(Comparator.comparingDouble(SalesforceVersionsClient::number));
		return new Offered.Listed(List.copyOf(versions));
	}

	private static double number(String version) {
		try {
			return Double.parseDouble(version);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
