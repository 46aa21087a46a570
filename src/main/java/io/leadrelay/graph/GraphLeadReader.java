package io.leadrelay.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a lead from Graph API JSON. Meta writes times like
 * {@code 2026-01-01T00:00:00+0000} (no colon in the offset), which ISO parsing refuses.
 */
final class GraphLeadReader {

	static final String FIELDS = "id,created_time,field_data,form_id,ad_id,ad_name,adset_id,adset_name,campaign_id,"
			+ "campaign_name,platform,is_organic,custom_disclaimer_responses";

	private static final DateTimeFormatter META_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

	private GraphLeadReader() {
	}

	static GraphLead read(JsonNode lead, String formName) {
		return new GraphLead(text(lead, "id"), time(text(lead, "created_time")), answers(lead.path("field_data")),
				text(lead, "form_id"), formName, text(lead, "ad_id"), text(lead, "ad_name"), text(lead, "adset_id"),
				text(lead, "adset_name"), text(lead, "campaign_id"), text(lead, "campaign_name"),
				text(lead, "platform"), lead.path("is_organic").asBoolean(false),
				consents(lead.path("custom_disclaimer_responses")));
	}

	static Instant time(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value, META_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return OffsetDateTime.parse(value).toInstant();
		}
	}

	private static Map<String, List<String>> answers(JsonNode fieldData) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (JsonNode field : fieldData) {
			List<String> values = new ArrayList<>();
			field.path("values").forEach((value) -> values.add(value.asText()));
			answers.put(field.path("name").asText(), List.copyOf(values));
		}
		return answers;
	}

	private static Map<String, Boolean> consents(JsonNode responses) {
		Map<String, Boolean> consents = new LinkedHashMap<>();
		for (JsonNode response : responses) {
			String checked = response.path("is_checked").asText("");
			consents.put(response.path("checkbox_key").asText(), "1".equals(checked) || "true".equals(checked));
		}
		return consents;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asText();
	}

}
