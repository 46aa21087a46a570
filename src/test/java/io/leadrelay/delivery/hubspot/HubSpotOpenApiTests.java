package io.leadrelay.delivery.hubspot;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker the connector tests run every HubSpot call through refuses what HubSpot's
 * OpenAPI document refuses. See {@link HubSpotOpenApi} for where the document comes from.
 */
class HubSpotOpenApiTests {

	static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

	static final String INPUT = """
			{ "inputs": [ { "idProperty": "email", "id": "ana@example.com", "objectWriteTraceId": "leadrelay-1-dst-hs",
			                "properties": { "email": "ana@example.com", "firstname": "Ana" } } ] }""";

	final HubSpotOpenApi spec = HubSpotOpenApi.contactsV3();

	@Test
	void acceptsTheUpsertLeadRelaySendsAndAnAnswerPerTheSpec() {
		assertThat(this.spec.violations("POST", UPSERT, INPUT, 200,
				HubSpotFixtures.results(HubSpotFixtures.result("512", true, "leadrelay-1-dst-hs", "ana@example.com"))))
			.isEmpty();
		assertThat(this.spec.violations("POST", UPSERT, INPUT, 207, HubSpotFixtures.multiStatus())).isEmpty();
	}

	@Test
	void refusesAnInputFieldHubSpotDoesNotDefine() {
		String body = INPUT.replace("\"idProperty\"", "\"uniqueBy\": \"email\", \"idProperty\"");
		assertThat(this.spec.violations("POST", UPSERT, body, 400, "")).singleElement()
			.asString()
			.contains("POST " + UPSERT + " request")
			.contains("uniqueBy");
	}

	@Test
	void refusesAPropertyValueThatIsNotText() {
		String body = INPUT.replace("\"firstname\": \"Ana\"", "\"age\": 42");
		assertThat(this.spec.violations("POST", UPSERT, body, 400, "")).singleElement()
			.asString()
			.contains("age")
			.contains("string");
	}

	@Test
	void refusesAnInputWithoutItsId() {
		String body = INPUT.replace("\"id\": \"ana@example.com\",", "");
		assertThat(this.spec.violations("POST", UPSERT, body, 400, "")).singleElement().asString().contains("id");
	}

	@Test
	void refusesACallToAnOperationTheDocumentLacks() {
		assertThat(this.spec.violations("PUT", UPSERT, INPUT, 200, "{}"))
			.containsExactly("PUT " + UPSERT + ": HubSpot's document has no such operation");
		assertThat(this.spec.violations("POST", "/crm/v3/objects/contacts/batch/upsert/extra?x=1", INPUT, 200, "{}"))
			.containsExactly(
					"POST /crm/v3/objects/contacts/batch/upsert/extra: HubSpot's document has no such operation");
	}

	@Test
	void refusesAnAnswerWithoutTheBatchStatus() {
		String answer = HubSpotFixtures.results(HubSpotFixtures.result("512", true, null, "ana@example.com"))
			.replace("\"status\": \"COMPLETE\",", "");
		assertThat(this.spec.violations("POST", UPSERT, INPUT, 200, answer)).singleElement()
			.asString()
			.contains("answer 200")
			.contains("status");
	}

	@Test
	void refusesABatchStatusTheSpecDoesNotList() {
		String answer = HubSpotFixtures.results(HubSpotFixtures.result("512", true, null, "ana@example.com"))
			.replace("COMPLETE", "DONE");
		assertThat(this.spec.violations("POST", UPSERT, INPUT, 200, answer)).singleElement()
			.asString()
			.contains("status");
	}

	/**
	 * With {@code -Dleadrelay.hubspot.openapi=<HubSpot's contacts.json>}: the
	 * transcription says what HubSpot's document says of every schema and operation it
	 * holds.
	 */
	@Test
	@EnabledIfSystemProperty(named = HubSpotOpenApi.DOCUMENT_PROPERTY, matches = ".+")
	void theTranscriptionSaysWhatHubSpotsDocumentSays() {
		JsonNode hubspot = withoutAnnotations(
				HubSpotOpenApi.read(Path.of(System.getProperty(HubSpotOpenApi.DOCUMENT_PROPERTY))));
		JsonNode transcription = withoutAnnotations(HubSpotOpenApi.transcription());
		transcription.path("components")
			.path("schemas")
			.fields()
			.forEachRemaining((schema) -> assertThat(schema.getValue()).as(schema.getKey())
				.isEqualTo(hubspot.path("components").path("schemas").path(schema.getKey())));
		transcription.path("paths")
			.fields()
			.forEachRemaining((path) -> path.getValue().fields().forEachRemaining((op) -> {
				JsonNode theirs = hubspot.path("paths").path(path.getKey()).path(op.getKey());
				assertThat(op.getValue().path("requestBody")).as(path.getKey()).isEqualTo(theirs.path("requestBody"));
				op.getValue()
					.path("responses")
					.fields()
					.forEachRemaining(
							(response) -> assertThat(response.getValue()).as(path.getKey() + " " + response.getKey())
								.isEqualTo(theirs.path("responses").path(response.getKey())));
			}));
	}

	private static JsonNode withoutAnnotations(JsonNode node) {
		if (node instanceof ObjectNode object) {
			Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				boolean annotation = Set.of("description", "example", "title").contains(field.getKey())
						&& field.getValue().isValueNode();
				if (annotation) {
					fields.remove();
				}
			}
		}
		node.forEach(HubSpotOpenApiTests::withoutAnnotations);
		return node;
	}

}
