package io.leadrelay.delivery.fields;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.delivery.ConnectorHttp;
import io.leadrelay.delivery.ConnectorTimeouts;
import io.leadrelay.delivery.HttpReply;
import io.leadrelay.delivery.NetworkGuard;
import io.leadrelay.destination.CrmField;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Pipedrive's person fields: {@code GET {baseUrl}/api/v1/personFields}, page after page
 * while {@code additional_data.pagination.more_items_in_collection}, the API token in the
 * {@code x-api-token} header as deliveries send it. A field's API name is its {@code key}
 * (a 40-character hash for custom fields), its label its {@code name}. Pipedrive
 * documents {@code bulk_edit_allowed} as "whether or not the field data can be edited"
 * ({@code edit_flag} only says whether the field's own definition can be), so a field
 * without it is read-only. Inactive fields are left out.
 */
@Component
class PipedriveFieldReader implements FieldReader {

	static final String PATH = "/api/v1/personFields";

	static final int PAGE_SIZE = 100;

	/**
	 * 50 pages of 100 fields: far above what an account has, a stop for a looping API.
	 */
	static final int MAX_PAGES = 50;

	private final ConnectorHttp http;

	private final ObjectMapper json;

	@Autowired
	PipedriveFieldReader(ObjectMapper json, NetworkGuard guard) {
		this(json, ConnectorTimeouts.DEFAULT.guardedBy(guard));
	}

	PipedriveFieldReader(ObjectMapper json, ConnectorTimeouts timeouts) {
		this.http = new ConnectorHttp("Pipedrive", timeouts);
		this.json = json;
	}

	@Override
	public String type() {
		return "pipedrive";
	}

	@Override
	public List<CrmField> read(String destinationId, Map<String, String> settings, Map<String, String> credentials) {
		String base = settings.getOrDefault("baseUrl", "https://api.pipedrive.com").replaceAll("/+$", "");
		List<CrmField> fields = new ArrayList<>();
		long start = 0;
		for (int page = 0; page < MAX_PAGES; page++) {
			JsonNode body = page(base, credentials.getOrDefault("apiToken", ""), start);
			body.path("data").forEach((field) -> {
				if (field.path("active_flag").asBoolean(true)) {
					fields.add(field(field));
				}
			});
			JsonNode pagination = body.path("additional_data").path("pagination");
			if (!pagination.path("more_items_in_collection").asBoolean(false)) {
				return Fields.inOrder(fields);
			}
			start = pagination.path("next_start").asLong(start + PAGE_SIZE);
		}
		throw new FieldReadException("Pipedrive listed more than " + (MAX_PAGES * PAGE_SIZE)
				+ " person fields; LeadRelay stopped reading them.");
	}

	private JsonNode page(String base, String apiToken, long start) {
		HttpReply reply = this.http
			.send(HttpRequest.newBuilder(URI.create(base + PATH + "?start=" + start + "&limit=" + PAGE_SIZE))
				.header("x-api-token", apiToken)
				.GET(), "reading the person fields");
		if (reply instanceof HttpReply.NoReply none) {
			throw FieldReadException.noReply(none);
		}
		HttpReply.Replied replied = (HttpReply.Replied) reply;
		JsonNode body = Json.read(this.json, replied.body());
		if (!replied.successful() || !body.path("success").asBoolean(true)) {
			String words = body.path("error").asText(null);
			String info = body.path("error_info").asText(null);
			throw FieldReadException.answered("Pipedrive", replied.status(),
					(words != null && info != null) ? words + " (" + info + ")" : words);
		}
		return body;
	}

	private static CrmField field(JsonNode field) {
		String key = field.path("key").asText();
		List<String> options = new ArrayList<>();
		field.path("options").forEach((option) -> options.add(option.path("label").asText()));
		JsonNode mandatory = field.path("mandatory_flag");
		boolean required = mandatory.isObject() ? mandatory.path("enabled").asBoolean(true)
				: mandatory.asBoolean(false);
		return new CrmField(key, field.path("name").asText(key), field.path("field_type").asText("varchar"), required,
				!field.path("bulk_edit_allowed").asBoolean(true), options);
	}

}
