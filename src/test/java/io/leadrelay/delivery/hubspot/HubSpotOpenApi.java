package io.leadrelay.delivery.hubspot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * HubSpot's OpenAPI description of CRM contacts v3, checking the requests LeadRelay sends
 * and the answers its stand-ins give. Every request must name an operation (method and
 * path template) the document has, and its JSON body must validate against that
 * operation's {@code requestBody} schema; a 200 or 207 answer must validate against that
 * status's response schema.
 * <p>
 * The document is {@code src/test/resources/hubspot/crm-contacts-v3-subset.json}: a
 * transcription of the operations LeadRelay calls from HubSpot's
 * {@code PublicApiSpecs/CRM/Contacts/Rollouts/424/v3/contacts.json} in <a href=
 * "https://github.com/HubSpot/HubSpot-public-api-spec-collection">HubSpot/HubSpot-public-api-spec-collection</a>
 * at commit {@code ab9ffa9c6f456fd8fce017f3d36fe619cbe88315} (the schemas keyword for
 * keyword, without HubSpot's descriptions). HubSpot's file itself is not vendored: that
 * repository says its specifications "are proprietary to HubSpot and are not licensed for
 * external use" (see the README.md next to the transcription). Run the tests with
 * {@code -Dleadrelay.hubspot.openapi=/path/to/contacts.json} to check against HubSpot's
 * own file instead; {@code HubSpotOpenApiTests} then also compares the two.
 * <p>
 * OpenAPI 3.0 schemas are read as JSON Schema draft 4 after dropping the annotations
 * ({@code description}, {@code example}). One strictness is added: an object schema that
 * lists {@code properties} and says nothing of {@code additionalProperties} is closed, so
 * a field HubSpot does not define fails instead of passing unseen.
 */
public final class HubSpotOpenApi {

	/** The system property naming another OpenAPI document to check against. */
	public static final String DOCUMENT_PROPERTY = "leadrelay.hubspot.openapi";

	static final String TRANSCRIPTION = "/hubspot/crm-contacts-v3-subset.json";

	private static final Set<String> ANNOTATIONS = Set.of("description", "example", "title");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JsonNode document;

	private final JsonNode components;

	/** Draft 4, where the document's {@code components} only holds what refs point to. */
	private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
			(builder) -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV4())
				.keyword(new NonValidationKeyword("components"))
				.build()));

	HubSpotOpenApi(JsonNode document) {
		this.document = document;
		this.components = strict(document.path("components").deepCopy());
	}

	/** The document named by {@value #DOCUMENT_PROPERTY}, or the transcription. */
	public static HubSpotOpenApi contactsV3() {
		String path = System.getProperty(DOCUMENT_PROPERTY);
		return new HubSpotOpenApi((path != null && !path.isBlank()) ? read(Path.of(path)) : transcription());
	}

	static JsonNode transcription() {
		try (InputStream in = HubSpotOpenApi.class.getResourceAsStream(TRANSCRIPTION)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode read(Path path) {
		try {
			return JSON.readTree(Files.readString(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	JsonNode document() {
		return this.document;
	}

	/**
	 * Every way the served requests (and the stand-in's answers) depart from the
	 * document, one line each; empty when they all follow it.
	 */
	public List<String> violations(List<ServeEvent> served) {
		List<String> violations = new ArrayList<>();
		for (ServeEvent event : served) {
			violations.addAll(violations(event.getRequest().getMethod().getName(), event.getRequest().getUrl(),
					event.getRequest().getBodyAsString(), event.getResponse().getStatus(),
					event.getResponse().getBodyAsString()));
		}
		return violations;
	}

	/** How the served requests depart from the document, leaving the answers aside. */
	public List<String> requestViolations(List<ServeEvent> served) {
		List<String> violations = new ArrayList<>();
		for (ServeEvent event : served) {
			violations.addAll(violations(event.getRequest().getMethod().getName(), event.getRequest().getUrl(),
					event.getRequest().getBodyAsString(), 0, null));
		}
		return violations;
	}

	/** How one exchange departs from the document. */
	List<String> violations(String method, String url, String requestBody, int status, String responseBody) {
		String path = url.replaceFirst("[?#].*$", "");
		String call = method + " " + path;
		Optional<JsonNode> operation = operation(method, path);
		if (operation.isEmpty()) {
			return List.of(call + ": HubSpot's document has no such operation");
		}
		List<String> violations = new ArrayList<>();
		JsonNode requestSchema = operation.get().path("requestBody").path("content").path("application/json");
		if (!requestSchema.isMissingNode()) {
			violations.addAll(validate(call + " request", requestSchema.path("schema"), requestBody));
		}
		JsonNode responseSchema = operation.get()
			.path("responses")
			.path(String.valueOf(status))
			.path("content")
			.path("application/json");
		if (!responseSchema.isMissingNode()) {
			violations.addAll(validate(call + " answer " + status, responseSchema.path("schema"), responseBody));
		}
		return violations;
	}

	private Optional<JsonNode> operation(String method, String path) {
		Iterator<Map.Entry<String, JsonNode>> paths = this.document.path("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> entry = paths.next();
			if (matches(entry.getKey(), path)) {
				JsonNode operation = entry.getValue().path(method.toLowerCase(Locale.ROOT));
				if (!operation.isMissingNode()) {
					return Optional.of(operation);
				}
			}
		}
		return Optional.empty();
	}

	private static boolean matches(String template, String path) {
		String[] expected = template.split("/", -1);
		String[] actual = path.split("/", -1);
		if (expected.length != actual.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}") && !actual[i].isEmpty();
			if (!variable && !expected[i].equals(actual[i])) {
				return false;
			}
		}
		return true;
	}

	private List<String> validate(String what, JsonNode schema, String body) {
		JsonNode value;
		try {
			value = (body == null || body.isBlank()) ? null : JSON.readTree(body);
		}
		catch (IOException ex) {
			return List.of(what + ": the body is not JSON");
		}
		if (value == null) {
			return List.of(what + ": the body is empty");
		}
		ObjectNode root = JSON.createObjectNode();
		root.putArray("allOf").add(strict(schema.deepCopy()));
		root.set("components", this.components);
		JsonSchema validator = this.factory.getSchema(root);
		Set<ValidationMessage> messages = validator.validate(value);
		return messages.stream()
			.map((message) -> what + ": " + message.getMessage())
			.sorted()
			.collect(Collectors.toList());
	}

	/**
	 * Drops annotations and closes objects that list properties, through the schema's
	 * subschemas (never touching a property map's keys).
	 */
	private static JsonNode strict(JsonNode schema) {
		if (!(schema instanceof ObjectNode object)) {
			return schema;
		}
		object.remove(ANNOTATIONS);
		JsonNode properties = object.path("properties");
		if (!properties.isEmpty() && !object.has("additionalProperties")) {
			object.put("additionalProperties", false);
		}
		properties.forEach(HubSpotOpenApi::strict);
		object.path("schemas").forEach(HubSpotOpenApi::strict);
		strict(object.path("items"));
		strict(object.path("additionalProperties"));
		strict(object.path("not"));
		for (String list : List.of("allOf", "anyOf", "oneOf")) {
			object.path(list).forEach(HubSpotOpenApi::strict);
		}
		return object;
	}

}
