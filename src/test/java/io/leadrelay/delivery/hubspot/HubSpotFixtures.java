package io.leadrelay.delivery.hubspot;

/**
 * HubSpot batch upsert replies, as protocols.md records them and as HubSpot's OpenAPI
 * document ({@link HubSpotOpenApi}) describes them.
 */
final class HubSpotFixtures {

	private HubSpotFixtures() {
	}

	static String results(String... results) {
		return batch("COMPLETE", results);
	}

	/** A 200 answer whose batch has the given status. */
	static String batch(String status, String... results) {
		return """
				{ "status": "%s", "results": [ %s ],
				  "startedAt": "2026-11-23T10:00:00.120Z", "completedAt": "2026-11-23T10:00:00.410Z",
				  "requestedAt": "2026-11-23T10:00:00.100Z" }""".formatted(status, String.join(",", results));
	}

	static String result(String id, boolean created, String traceId, String email) {
		String trace = (traceId != null) ? "\"objectWriteTraceId\": \"" + traceId + "\"," : "";
		return """
				{ "id": "%s", "new": %s, %s
				  "properties": { "email": "%s", "hs_object_id": "%s",
				                  "createdate": "2026-11-23T10:00:00.300Z", "lastmodifieddate": "2026-11-23T10:00:00.300Z" },
				  "createdAt": "2026-11-23T10:00:00.300Z", "updatedAt": "2026-11-23T10:00:00.300Z", "archived": false }"""
			.formatted(id, created, trace, email, id);
	}

	/** A 207 answer: the given results and errors. */
	static String multiStatus(String results, String... errors) {
		return """
				{ "status": "COMPLETE", "results": [ %s ], "numErrors": %d, "errors": [ %s ],
				  "startedAt": "2026-11-23T10:00:00.120Z", "completedAt": "2026-11-23T10:00:00.410Z" }"""
			.formatted(results, errors.length, String.join(",", errors));
	}

	/** HubSpot refusing the input its context names. */
	static String error(String context) {
		return """
				{ "status": "error", "category": "VALIDATION_ERROR",
				  "message": "Property values were not valid: not a valid email",
				  "errors": [ { "message": "not a valid email", "code": "INVALID_EMAIL",
				                "context": { "propertyName": ["email"] } } ],
				  "context": { %s }, "links": {} }""".formatted(context);
	}

	/**
	 * The middle of three inputs refused, named by its objectWriteTraceId; results carry
	 * no trace id.
	 */
	static String multiStatus() {
		return """
				{ "status": "COMPLETE",
				  "results": [ %s, %s ],
				  "numErrors": 1,
				  "errors": [ { "status": "error", "category": "VALIDATION_ERROR",
				                "message": "Property values were not valid: bo@example is not a valid email",
				                "errors": [ { "message": "bo@example is not a valid email", "code": "INVALID_EMAIL",
				                              "context": { "propertyName": ["email"] } } ],
				                "context": { "objectWriteTraceId": ["leadrelay-2-dst-hs"] }, "links": {} } ],
				  "startedAt": "2026-11-23T10:00:00.120Z", "completedAt": "2026-11-23T10:00:00.410Z" }"""
			.formatted(result("703", false, null, "cy@example.com"), result("701", true, null, "al@example.com"));
	}

}
