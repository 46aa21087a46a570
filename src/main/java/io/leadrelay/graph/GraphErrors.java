package io.leadrelay.graph;

import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Classifies a failed Graph API answer from its error JSON
 * ({@code {"error":{"message","type","code","error_subcode"}}}). Meta throttles with HTTP
 * 400 and a code, not 429, so the code decides; an answer that is not Graph error JSON
 * (an HTML 502 page, say) is transient.
 */
final class GraphErrors {

	static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(5);

	static final Duration POLICY_WAIT = Duration.ofMinutes(30);

	private static final Set<Integer> TOKEN_CODES = Set.of(190, 102);

	private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 341, 613, 80000, 80001, 80004, 80005);

	private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2);

	private static final int PERMISSION_CODE = 10;

	private static final int POLICY_CODE = 368;

	private final ObjectMapper json;

	GraphErrors(ObjectMapper json) {
		this.json = json;
	}

	<T> GraphResult<T> classify(int status, String body) {
		JsonNode error = error(body);
		if (error == null) {
			return new GraphResult.Transient<>("Graph API answered HTTP " + status + " without an error body");
		}
		int code = error.path("code").asInt(-1);
		Integer subcode = error.hasNonNull("error_subcode") ? error.get("error_subcode").asInt() : null;
		String message = "Graph API error " + code + ((subcode != null) ? "/" + subcode : "") + ": "
				+ error.path("message").asText("(no message)");
		if (TOKEN_CODES.contains(code)) {
			return new GraphResult.TokenInvalid<>(message, code, subcode);
		}
		if (code == PERMISSION_CODE || (code >= 200 && code <= 299)) {
			return new GraphResult.TokenInvalid<>(message + " (the token lacks a permission)", code, subcode);
		}
		if (RATE_LIMIT_CODES.contains(code)) {
			return new GraphResult.RateLimited<>(RATE_LIMIT_WAIT, message);
		}
		if (code == POLICY_CODE) {
			return new GraphResult.RateLimited<>(POLICY_WAIT, message);
		}
		if (TRANSIENT_CODES.contains(code) || status >= 500 || error.path("is_transient").asBoolean(false)) {
			return new GraphResult.Transient<>(message);
		}
		return new GraphResult.Failed<>(message, code);
	}

	private JsonNode error(String body) {
		try {
			JsonNode error = this.json.readTree(body).get("error");
			return (error != null && error.isObject()) ? error : null;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

}
