package io.leadrelay.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MappingParserTests {

	private final MappingParser parser = new MappingParser();

	@Test
	void readsTheShippedExampleAndMapsALeadWithIt() throws IOException {
		Path example = Path.of("mappings/example-hubspot-contacts.yaml");
		Mapping mapping = this.parser.parse(Files.readString(example), example.toString(), 1);
		assertThat(mapping.id()).isEqualTo("example-hubspot-contacts");
		assertThat(mapping.destination()).isEqualTo("hubspot-main");
		assertThat(mapping.enabled()).isFalse();
		assertThat(mapping.platforms()).containsExactlyInAnyOrder("fb", "ig");
		LeadData lead = new LeadData(
				Map.of("email", List.of(" Ana@Example.com"), "full_name", List.of("ana lopez"), "phone_number",
						List.of("030 1234567"), "country", List.of("DE"), "budget", List.of("over_5000")),
				Map.of("page_id", "100200300400500", "form_id", "700000000000011", "platform", "fb", "campaign_name",
						"Spring", "ad_name", "A"));
		Mapping enabled = new Mapping(mapping.id(), 1, mapping.destination(), true, mapping.pages(), mapping.forms(),
				mapping.platforms(), mapping.condition(), mapping.fields());
		MappingEngine engine = new MappingEngine();
		assertThat(engine.matches(enabled, lead)).isTrue();
		assertThat(engine.apply(enabled, lead).payload()).containsExactly(Map.entry("email", "ana@example.com"),
				Map.entry("firstname", "Ana"), Map.entry("lastname", "Lopez"), Map.entry("phone", "+49301234567"),
				Map.entry("lead_budget", "large"), Map.entry("hs_lead_status", "NEW"),
				Map.entry("lead_source_detail", "Spring / A (fb)"));
	}

	@Test
	void aConsentConditionHoldsOnlyForALeadThatTickedTheCheckbox() {
		Mapping mapping = this.parser.parse("""
				id: marketing
				destination: hubspot-main
				match:
				  when: {consent: marketing_optin}
				fields:
				  optin: {meta: consent.marketing_optin}
				""", "marketing.yaml", 1);
		MappingEngine engine = new MappingEngine();
		LeadData agreed = new LeadData(Map.of(), Map.of("consent.marketing_optin", "true"));
		assertThat(engine.matches(mapping, agreed)).isTrue();
		assertThat(engine.apply(mapping, agreed).payload()).containsExactly(Map.entry("optin", "true"));
		assertThat(engine.matches(mapping, new LeadData(Map.of(), Map.of("consent.marketing_optin", "false"))))
			.isFalse();
		assertThat(engine.matches(mapping, new LeadData(Map.of("marketing_optin", List.of("true")), Map.of())))
			.as("an answer of that name is no consent")
			.isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown transform  | 8 | fields.email.transforms[1] | unknown transform 'uppercase'
					unknown key        | 6 | fields.email.requird       | unknown key 'requird'
					two sources        | 5 | fields.email               | give exactly one of answer, meta, constant, template
					bad region         | 7 | fields.email.transforms[0] | unknown region 'XX'
					bad name part      | 7 | fields.email.transforms[0] | bad argument for split_name: it takes first or last
					zero truncate      | 7 | fields.email.transforms[0] | bad argument for truncate: the length must be 1 or more
					bad date pattern   | 7 | fields.email.transforms[0] | bad argument for date
					missing group      | 7 | fields.email.transforms[0] | bad argument for regex_extract: the pattern has no group 2
					argument on trim   | 7 | fields.email.transforms[0] | this transform takes no argument
					bad regex          | 9 | match.when.matches         | not a valid regular expression
					missing id         | 1 | id                         | the key 'id' is required
					bad yaml           | 3 | ''                         | not valid YAML
					""")
	void refusesAMistakeNamingFileLineAndKey(String mistake, int line, String path, String message) {
		String yaml = switch (mistake) {
			case "unknown transform" -> base("    answer: email\n    transforms:\n      - trim\n      - uppercase\n");
			case "unknown key" -> base("    answer: email\n    requird: true\n");
			case "two sources" -> base("    answer: email\n    constant: x\n");
			case "bad region" -> base("    answer: phone\n    transforms:\n      - e164: XX\n");
			case "bad name part" -> base("    answer: n\n    transforms:\n      - split_name: middle\n");
			case "zero truncate" -> base("    answer: n\n    transforms:\n      - truncate: 0\n");
			case "bad date pattern" -> base("    answer: n\n    transforms:\n      - date: \"yyyy-bb\"\n");
			case "missing group" ->
				base("    answer: n\n    transforms:\n      - regex_extract: {pattern: \"(a)\", group: 2}\n");
			case "argument on trim" -> base("    answer: n\n    transforms:\n      - trim: yes\n");
			case "bad regex" -> """
					id: m
					destination: d
					fields: {}
					match:
					  pages: ["1"]
					  forms: []
					  when:
					    field: email
					    matches: "(unclosed"
					""";
			case "missing id" -> "destination: d\nfields: {}\n";
			default -> "id: m\ndestination: [d\nfields: {}\n";
		};
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> this.parser.parse(yaml, "mappings/broken.yaml", 1))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("mappings/broken.yaml, line " + line + ": ")
				.contains(message))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo(path));
	}

	@Test
	void refusesAKeyGivenTwice() {
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> this.parser.parse("id: a\nid: b\ndestination: d\nfields: {}\n", "x.yaml", 1))
			.withMessageContaining("line 2")
			.withMessageContaining("given twice");
	}

	private static String base(String emailField) {
		return "id: m\ndestination: d\nfields:\n  email:\n" + emailField;
	}

}
