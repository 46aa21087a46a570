package io.leadrelay.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the Graph API stand-in answers: a lead, the form, a token check, and Graph's batch
 * API ({@code POST /{version}/} with {@code access_token} and {@code batch}, at most 50
 * GETs, each answered as {@code {code, headers, body-as-string}} in the same order).
 */
final class GraphStandIn {

	private static final ObjectMapper JSON = new ObjectMapper();

	private GraphStandIn() {
	}

	/** The body of {@code GET {path}} (the query string left out). */
	static String get(String path) {
		String id = path.substring(path.lastIndexOf('/') + 1);
		String form = LeadgenNotifications.FORM;
		if (path.endsWith("debug_token")) {
			return "{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}";
		}
		if (id.equals(form)) {
			return "{\"id\":\"" + form + "\",\"name\":\"Quote form\",\"questions\":[]}";
		}
		return "{\"id\":\"" + id + "\",\"created_time\":\"2026-11-23T10:00:00+0000\",\"form_id\":\"" + form
				+ "\",\"campaign_name\":\"Bench\",\"platform\":\"fb\",\"is_organic\":false,"
				+ "\"field_data\":[{\"name\":\"email\",\"values\":[\"lead-" + id + "@example.com\"]},"
				+ "{\"name\":\"full_name\",\"values\":[\"Ana Lopez\"]}]}";
	}

	/**
	 * The answer to a batch request, or {@code null} with the reason in {@code problem}
	 * when the form body is not one.
	 */
	static String batch(String formBody, StringBuilder problem) {
		Map<String, String> form = new HashMap<>();
		for (String pair : formBody.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		try {
			JsonNode items = JSON.readTree(form.getOrDefault("batch", ""));
			if (form.get("access_token") == null || items == null || !items.isArray() || items.size() > 50) {
				problem.append("a batch needs access_token and a JSON array of at most 50 requests");
				return null;
			}
			ArrayNode answers = JSON.createArrayNode();
			for (JsonNode item : items) {
				String url = item.path("relative_url").asText();
				int query = url.indexOf('?');
				ObjectNode answer = answers.addObject();
				answer.put("code", 200);
				answer.putArray("headers")
					.addObject()
					.put("name", "Content-Type")
					.put("value", "application/json; charset=UTF-8");
				answer.put("body", get("/" + ((query >= 0) ? url.substring(0, query) : url)));
			}
			return JSON.writeValueAsString(answers);
		}
		catch (Exception ex) {
			problem.append("the batch is not JSON: ").append(ex.getMessage());
			return null;
		}
	}

}
