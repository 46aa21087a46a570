package io.leadrelay.delivery.pipedrive;

/**
 * Pipedrive replies, shaped as protocols.md and Pipedrive's reference show them.
 */
final class PipedriveFixtures {

	static final String LEAD_ID = "adf21080-0e10-11eb-879b-05d71fb426ec";

	private PipedriveFixtures() {
	}

	static String searchFound(long personId, String phone) {
		return """
				{ "success": true,
				  "data": { "items": [ { "result_score": 1.0,
				    "item": { "id": %d, "type": "person", "name": "Ana M.", "phones": ["%s"],
				              "emails": ["ana@example.com"], "primary_email": "ana@example.com", "visible_to": 3,
				              "owner": { "id": 13540546 }, "organization": null, "custom_fields": [], "notes": [],
				              "update_time": "2026-10-02 09:00:00" } } ] },
				  "additional_data": { "next_cursor": null } }""".formatted(personId, phone);
	}

	static String searchEmpty() {
		return """
				{ "success": true, "data": { "items": [] }, "additional_data": { "next_cursor": null } }""";
	}

	static String person(long personId) {
		return """
				{ "success": true,
				  "data": { "id": %d, "name": "Ana Müller", "owner_id": 13540546, "org_id": null,
				            "add_time": "2026-11-23T10:00:00Z", "update_time": "2026-11-23T10:00:00Z",
				            "emails": [ { "value": "ana@example.com", "primary": true, "label": "work" } ],
				            "phones": [ { "value": "+447700900123", "primary": true, "label": "mobile" } ],
				            "is_deleted": false, "visible_to": 3, "label_ids": [], "picture_id": null } }"""
			.formatted(personId);
	}

	static String leads(String leads) {
		return """
				{ "success": true, "data": [ %s ],
				  "additional_data": { "pagination": { "start": 0, "limit": 500, "more_items_in_collection": false } } }"""
			.formatted(leads);
	}

	static String lead(String id, String title, long personId, String originId) {
		String origin = (originId != null) ? "\"" + originId + "\"" : "null";
		return """
				{ "id": "%s", "title": "%s", "owner_id": 13540546, "creator_id": 13540546, "label_ids": [],
				  "person_id": %d, "organization_id": null, "source_name": "API", "origin": "API",
				  "origin_id": %s, "channel": null, "channel_id": null, "is_archived": false, "was_seen": false,
				  "value": null, "expected_close_date": null, "next_activity_id": null,
				  "add_time": "2026-11-23T10:00:01.000Z", "update_time": "2026-11-23T10:00:01.000Z",
				  "visible_to": "3", "cc_email": "acme+leads@pipedrivemail.com" }""".formatted(id, title, personId,
				origin);
	}

	static String created(String lead) {
		return "{ \"success\": true, \"data\": " + lead + " }";
	}

	static String error(String error) {
		return """
				{ "success": false, "error": "%s",
				  "error_info": "Please check developers.pipedrive.com for more information about Pipedrive API.",
				  "data": null, "additional_data": null }""".formatted(error);
	}

}
