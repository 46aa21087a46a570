package io.leadrelay.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The published JSON Schema ({@code mappings/mapping.schema.json}) says what the parser
 * accepts: the shipped mappings pass both, and mistakes fail both.
 */
class MappingSchemaTests {

	static final Path SCHEMA = Path.of("mappings/mapping.schema.json");

	static final String VALID = """
			id: contacts
			destination: hubspot-main
			match:
			  platforms: [ig]
			  when:
			    any:
			      - {field: country, in: [DE, AT]}
			      - not: {field: email, matches: "@example\\\\.com$"}
			      - consent: marketing_optin
			fields:
			  email: {answer: email, transforms: [trim, lower], required: true}
			  phone: {answer: phone_number, transforms: [{e164: DE}, {truncate: 20}]}
			  code: {answer: zip, transforms: [{regex_extract: {pattern: "([0-9]{5})", group: 1}}]}
			  size: {answer: size, transforms: [{value_map: {map: {s: small}, default: other}}, {default: none}]}
			  ad: {meta: ad_name}
			  optin: {meta: consent.marketing_optin}
			""";

	static final String EMAIL = "  email: {answer: email, transforms: [trim, lower], required: true}";

	final ObjectMapper json = new ObjectMapper();

	final JsonSchema schema;

	MappingSchemaTests() throws IOException {
		this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(this.json.readTree(SCHEMA.toFile()));
	}

	@Test
	void acceptsTheShippedMappingsAndAFullDefinition() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("mappings"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).toList()) {
				String text = Files.readString(file);
				assertThat(validate(text)).as(file.toString()).isEmpty();
				new MappingParser().parse(text, file.toString(), 1);
			}
		}
		assertThat(validate(VALID)).isEmpty();
		new MappingParser().parse(VALID, "valid", 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "title: x", "  email: {answer: email, constant: x}", "  email: {answr: email}",
			"  email: {answer: email, transforms: [shout]}", "  email: {answer: email, transforms: [{truncate: 0}]}",
			"  email: {answer: email, transforms: [{split_name: middle}]}", "  email: {meta: campain_name}",
			"  email: {answer: email, transforms: [{trim: yes}]}" })
	void refusesWhatTheParserRefuses(String line) {
		String text = line.startsWith("  email") ? VALID.replace(EMAIL, line) : VALID + line + "\n";
		assertThat(validate(text)).isNotEmpty();
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> new MappingParser().parse(text, "broken", 1));
	}

	@Test
	void refusesAConditionWithTwoTests() {
		String text = VALID.replace("{field: country, in: [DE, AT]}", "{field: country, in: [DE], equals: DE}");
		assertThat(validate(text)).isNotEmpty();
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> new MappingParser().parse(text, "broken", 1));
	}

	@Test
	void refusesAConsentTestWithAnythingBesideIt() {
		String text = VALID.replace("- consent: marketing_optin", "- {consent: marketing_optin, field: email}");
		assertThat(validate(text)).isNotEmpty();
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> new MappingParser().parse(text, "broken", 1))
			.withMessageContaining("'consent' stands alone in its condition");
	}

	@Test
	void namesTheSameKeysTransformsAndMetadataAsTheParser() throws IOException {
		JsonNode root = this.json.readTree(SCHEMA.toFile());
		JsonNode definitions = root.get("$defs");
		assertThat(names(root.get("properties"))).isEqualTo(MappingParser.TOP);
		assertThat(names(root.get("properties").get("match").get("properties"))).isEqualTo(MappingParser.MATCH);
		assertThat(names(definitions.get("field").get("properties"))).isEqualTo(MappingParser.FIELD);
		assertThat(names(definitions.get("condition").get("properties"))).isEqualTo(ConditionReader.KEYS);
		Set<String> transforms = new HashSet<>(
				names(definitions.get("transform").get("oneOf").get(1).get("properties")));
		definitions.get("transform").get("oneOf").get(0).get("enum").forEach((name) -> transforms.add(name.asText()));
		assertThat(transforms).isEqualTo(MappingParser.TRANSFORMS);
		List<String> metadata = this.json.convertValue(
				definitions.get("field").get("properties").get("meta").get("anyOf").get(0).get("enum"),
				this.json.getTypeFactory().constructCollectionType(List.class, String.class));
		assertThat(metadata).isEqualTo(LeadData.METADATA);
	}

	private Set<ValidationMessage> validate(String yaml) {
		Object plain = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		return this.schema.validate(this.json.valueToTree(plain));
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new HashSet<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
