package io.leadrelay.graph;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Graph API batch requests for leads: the {@code batch} parameter (one
 * {@code GET <leadgen_id>?fields=...} per lead) and the reading of each item of the
 * answer ({@code {"code","headers","body"}}, or {@code null} for a request Meta did not
 * finish in time), classified like the answer of a single read.
 */
final class GraphBatch {

	private GraphBatch() {
	}

	static String request(List<String> leadgenIds) {
		ArrayNode batch = JsonNodeFactory.instance.arrayNode();
		for (String id : leadgenIds) {
			batch.addObject().put("method", "GET").put("relative_url", id + "?fields=" + GraphLeadReader.FIELDS);
		}
		return batch.toString();
	}

	static GraphResult<JsonNode> item(JsonNode item, String leadgenId, GraphHttp http) {
		if (item == null || item.isNull()) {
			return new GraphResult.Transient<>("Graph API did not finish this lead's read in its batch");
		}
		http.observeUsage(header(item, UsageGuard.APP_USAGE), header(item, UsageGuard.BUSINESS_USAGE));
		int code = item.path("code").asInt(-1);
		String body = item.path("body").asText("");
		if (code != 200) {
			return http.classify(code, body);
		}
		try {
			JsonNode lead = http.parse(body);
			// The answers come in the order asked; a lead is never taken for another.
			if (!leadgenId.equals(GraphLeadReader.text(lead, "id"))) {
				return new GraphResult.Transient<>("Graph API answered a batch item with another lead");
			}
			return new GraphResult.Success<>(lead);
		}
		catch (JsonProcessingException ex) {
			return new GraphResult.Transient<>("Graph API answered 200 with a body that is not JSON");
		}
	}

	private static String header(JsonNode item, String name) {
		for (JsonNode header : item.path("headers")) {
			if (name.equalsIgnoreCase(header.path("name").asText())) {
				return header.path("value").asText(null);
			}
		}
		return null;
	}

}
