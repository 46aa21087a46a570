package io.leadrelay.mapping.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.mapping.InvalidMappingException;
import io.leadrelay.mapping.LeadData;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.MappingEngine;
import io.leadrelay.mapping.MappingResult;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.mapping.StoredLeads;
import io.leadrelay.security.PersonalData;
import io.leadrelay.web.InvalidRequestException;
import io.leadrelay.web.JsonBody;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/mappings/preview}: what a mapping makes of a lead, without saving
 * or sending anything. The mapping is a stored one ({@code mappingId}, optionally
 * {@code version}) or a definition ({@code mapping}, YAML text or a JSON object); the
 * lead is a stored one ({@code leadId}) or a sample ({@code lead}).
 */
@RestController
class MappingPreviewController {

	private static final Set<String> FIELDS = Set.of("mappingId", "version", "mapping", "leadId", "lead");

	private final Mappings mappings;

	private final MappingEngine engine;

	private final StoredLeads leads;

	private final ObjectMapper json;

	MappingPreviewController(Mappings mappings, MappingEngine engine, StoredLeads leads, ObjectMapper json) {
		this.mappings = mappings;
		this.engine = engine;
		this.leads = leads;
		this.json = json;
	}

	/**
	 * Previews a mapping. The payload made of a stored lead holds that person's data: a
	 * viewer sees its field names with each value hidden. A sample lead's payload is
	 * shown to everyone, as the caller wrote the sample. A viewer previews a stored lead
	 * only with a stored mapping: the conditions and transforms of a mapping of their own
	 * would test the answers they may not read.
	 */
	@PostMapping("/api/v1/mappings/preview")
	Preview preview(@RequestBody JsonNode body, Authentication caller) {
		JsonBody request = JsonBody.of(body, FIELDS);
		if (request.has("leadId") && request.has("mapping") && !PersonalData.visibleTo(caller)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Your role may preview a stored lead only with a stored mapping (mappingId); "
							+ "preview your own mapping with a sample lead");
		}
		Mapping mapping = mapping(request);
		LeadData lead = lead(request);
		MappingResult result = this.engine.apply(mapping, lead);
		Map<String, String> payload = (request.text("leadId") != null)
				? PersonalData.forCaller(caller, result.payload()) : result.payload();
		return new Preview(mapping.id(), (mapping.version() > 0) ? mapping.version() : null, mapping.destination(),
				mapping.enabled(), this.engine.wouldTake(mapping, lead), payload, result.errors());
	}

	private Mapping mapping(JsonBody request) {
		JsonNode inline = request.raw("mapping");
		String id = request.text("mappingId");
		if ((inline == null) == (id == null)) {
			throw new InvalidRequestException("mapping", "give either mappingId or mapping, not both");
		}
		if (id != null) {
			Integer version = request.positiveInt("version");
			return this.mappings
				.definitionOf((version != null) ? this.mappings.version(id, version) : this.mappings.current(id));
		}
		if (request.has("version")) {
			throw new InvalidRequestException("version", "version goes with mappingId");
		}
		try {
			return this.mappings.parse(inline.isTextual() ? inline.textValue() : definition(inline));
		}
		catch (InvalidMappingException ex) {
			throw new InvalidRequestException("mapping." + ex.path(), ex.getMessage());
		}
	}

	private String definition(JsonNode inline) {
		if (!inline.isObject()) {
			throw new InvalidRequestException("mapping", "mapping must be YAML text or a JSON object");
		}
		try {
			return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(inline);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private LeadData lead(JsonBody request) {
		String leadId = request.text("leadId");
		JsonBody sample = request.object("lead", Set.of("answers", "metadata"));
		if ((leadId == null) == (sample == null)) {
			throw new InvalidRequestException("lead", "give either leadId or lead, not both");
		}
		if (leadId != null) {
			return this.leads.find(leadId)
				.orElseThrow(() -> new InvalidRequestException("leadId", "There is no enriched lead " + leadId
						+ " (a lead is kept once its answers are fetched); preview with a sample lead instead"));
		}
		Map<String, String> metadata = (sample.has("metadata")) ? sample.stringMap("metadata") : Map.of();
		for (String key : metadata.keySet()) {
			if (!LeadData.METADATA.contains(key)) {
				throw new InvalidRequestException("lead.metadata." + key,
						"Unknown lead metadata '" + key + "'; expected one of " + LeadData.METADATA);
			}
		}
		return new LeadData(answers(sample.raw("answers")), metadata);
	}

	private static Map<String, List<String>> answers(JsonNode answers) {
		if (answers == null) {
			return Map.of();
		}
		if (!answers.isObject()) {
			throw new InvalidRequestException("lead.answers", "lead.answers must be an object");
		}
		Map<String, List<String>> values = new LinkedHashMap<>();
		answers.fields().forEachRemaining((entry) -> {
			String field = "lead.answers." + entry.getKey();
			JsonNode value = entry.getValue();
			List<String> list = new ArrayList<>();
			if (value.isTextual()) {
				list.add(value.textValue());
			}
			else if (value.isArray()) {
				value.forEach((item) -> {
					if (!item.isTextual()) {
						throw new InvalidRequestException(field, field + " must be a string or a list of strings");
					}
					list.add(item.textValue());
				});
			}
			else {
				throw new InvalidRequestException(field, field + " must be a string or a list of strings");
			}
			values.put(entry.getKey(), list);
		});
		return values;
	}

	/**
	 * What the mapping makes of the lead.
	 *
	 * @param mappingId the mapping's id
	 * @param version the stored version previewed ({@code null} for a definition sent
	 * inline)
	 * @param destination where the payload would go
	 * @param enabled whether the mapping is enabled
	 * @param matches whether the mapping would take this lead (if it were enabled)
	 * @param payload the fields that would be sent (for a stored lead, values hidden from
	 * viewers)
	 * @param errors why a field could not be filled; a lead with errors would not be sent
	 */
	record Preview(String mappingId, Integer version, String destination, boolean enabled, boolean matches,
			Map<String, String> payload, List<MappingResult.FieldError> errors) {
	}

}
