package io.leadrelay.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.mapping.MappingDraft.ConditionDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.Rule;
import io.leadrelay.mapping.MappingDraft.TransformDraft;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MappingDraftsTests {

	static final Path EXAMPLE = Path.of("mappings/example-hubspot-contacts.yaml");

	private final MappingDrafts drafts = new MappingDrafts();

	static String resource(String name) throws IOException {
		return Files.readString(Path.of("src/test/resources/mapping-drafts", name));
	}

	@Test
	void readsTheExampleAsTheEditorShowsIt() throws IOException {
		MappingDraft draft = this.drafts.read(Files.readString(EXAMPLE));
		assertThat(draft.id()).isEqualTo("example-hubspot-contacts");
		assertThat(draft.name()).isEqualTo("Solar quote form to HubSpot contacts");
		assertThat(draft.enabled()).isFalse();
		assertThat(draft.pages()).containsExactly("100200300400500");
		assertThat(draft.platforms()).containsExactly("fb", "ig");
		assertThat(draft.when())
			.isEqualTo(new ConditionDraft("all", List.of(new Rule("country", "in", List.of("DE", "AT", "CH"), false),
					new Rule("email", "exists", List.of(), false)), true));
		assertThat(draft.fields()).extracting(FieldDraft::target)
			.containsExactly("email", "firstname", "lastname", "phone", "products", "lead_budget", "hs_lead_status",
					"lead_source_detail");
		assertThat(draft.fields().get(0)).isEqualTo(new FieldDraft("email", "answer", "email",
				List.of(TransformDraft.of("trim", null), TransformDraft.of("lower", null)), true));
		assertThat(draft.fields().get(5).transforms()).containsExactly(new TransformDraft("value_map", null, null,
				new LinkedHashMap<>(Map.of("under_5000", "small", "over_5000", "large")), "unknown"));
		assertThat(draft.fields().get(7)).isEqualTo(
				new FieldDraft("lead_source_detail", "template", "{{campaign_name}} / {{ad_name}} ({{platform}})",
						List.of(TransformDraft.of("truncate", "200")), false));
	}

	@Test
	void theExampleRoundTripsByteForByte() throws IOException {
		String yaml = Files.readString(EXAMPLE);
		assertThat(this.drafts.write(this.drafts.read(yaml), yaml)).isEqualTo(yaml);
	}

	@Test
	void aNewMappingIsWrittenInTheExamplesStyle() throws IOException {
		String yaml = Files.readString(EXAMPLE);
		String withoutComments = String.join("\n", yaml.lines().filter((line) -> !line.startsWith("#")).toList())
				+ "\n";
		assertThat(this.drafts.write(this.drafts.read(yaml), null)).isEqualTo(withoutComments);
	}

	@Test
	void everyTransformWithItsArgumentsRoundTrips() throws IOException {
		String yaml = resource("every-transform.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		assertThat(draft.fields().get(6).transforms()).containsExactly(
				TransformDraft.of("regex_extract", "(\\w+)-(\\d+)"),
				new TransformDraft("regex_extract", "(\\w+)-(\\d+)", 2, null, null),
				TransformDraft.of("regex_extract", "x(y)?"));
		assertThat(draft.fields().get(4).transforms().get(0).map()).containsExactly(Map.entry("1", "one"),
				Map.entry("two words", "2"), Map.entry("yes", "no"));
		assertThat(draft.fields().get(5).transforms().get(0))
			.isEqualTo(new TransformDraft("value_map", null, null, Map.of(), "other"));
		assertThat(this.drafts.write(draft, yaml)).isEqualTo(yaml);
		String fresh = this.drafts.write(draft, null);
		assertThat(this.drafts.read(fresh)).isEqualTo(draft);
		assertThat(fresh).contains("      - regex_extract: {pattern: '(\\w+)-(\\d+)', group: 2}\n")
			.contains("    template: \"{{first}}\\n{{last}}\"\n")
			.contains("      - truncate: 20\n")
			.contains("          map: {\"1\": one, two words: \"2\", \"yes\": \"no\"}\n");
	}

	@Test
	void editingOneRowKeepsEveryCommentAndEveryOtherRow() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		MappingDraft edited = withField(draft, 0,
				new FieldDraft("email", "answer", "work_email", draft.fields().get(0).transforms(), true));
		assertThat(this.drafts.write(edited, yaml))
			.isEqualTo(yaml.replace("answer: email        # the form's", "answer: work_email        # the form's"));
	}

	@Test
	void changingTransformsOfARowKeepsTheCommentsAroundThem() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		FieldDraft email = draft.fields().get(0);
		MappingDraft edited = withField(draft, 0, new FieldDraft("email", "answer", "email",
				List.of(TransformDraft.of("trim", null), TransformDraft.of("e164", "DE")), false));
		assertThat(this.drafts.write(edited, yaml))
			.isEqualTo(yaml.replace("    transforms: [trim, lower]\n    required: true\n",
					"    transforms:\n      - trim\n      - e164: DE\n"));
		assertThat(this.drafts.read(this.drafts.write(edited, yaml))).isEqualTo(edited);
		assertThat(email.required()).isTrue();
	}

	@Test
	void changingTheSourceKindReplacesItsLine() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		MappingDraft edited = withField(draft, 3, new FieldDraft("source", "meta", "campaign_name", List.of(), false));
		assertThat(this.drafts.write(edited, yaml))
			.isEqualTo(yaml.replace("    constant: \"Meta lead ads\"\n", "    meta: campaign_name\n"));
	}

	@Test
	void aRowInFlowStyleIsRewrittenOnItsOwn() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		MappingDraft edited = withField(draft, 2,
				new FieldDraft("lastname", "answer", "last_name", List.of(TransformDraft.of("title", null)), false));
		assertThat(this.drafts.write(edited, yaml))
			.isEqualTo(yaml.replace("  lastname: {answer: full_name, transforms: [{split_name: last}, title]}\n",
					"  lastname:\n    answer: last_name\n    transforms: [title]\n"));
	}

	@Test
	void addingARowPutsItAfterTheOthersAndKeepsTheTail() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		List<FieldDraft> fields = new ArrayList<>(draft.fields());
		fields.add(new FieldDraft("phone", "answer", "phone_number", List.of(TransformDraft.of("e164", "DE")), true));
		MappingDraft edited = withFields(draft, fields);
		assertThat(this.drafts.write(edited, yaml)).isEqualTo(yaml.replace("# the end\n",
				"  phone:\n    answer: phone_number\n    transforms:\n      - e164: DE\n    required: true\n# the end\n"));
	}

	@Test
	void removingARowTakesItsCommentsWithIt() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		List<FieldDraft> fields = new ArrayList<>(draft.fields());
		fields.remove(1);
		assertThat(this.drafts.write(withFields(draft, fields), yaml)).isEqualTo(yaml.replace("""

				  # first and last name from one question
				  firstname:
				    answer: full_name
				    transforms:
				      - split_name: first   # Ana Maria Lopez -> Ana Maria
				      - title
				""", ""));
	}

	@Test
	void movingARowMovesItsComments() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		List<FieldDraft> fields = new ArrayList<>(draft.fields());
		fields.add(0, fields.remove(1));
		String written = this.drafts.write(withFields(draft, fields), yaml);
		assertThat(written).contains("""
				fields:

				  # first and last name from one question
				  firstname:
				    answer: full_name
				    transforms:
				      - split_name: first   # Ana Maria Lopez -> Ana Maria
				      - title
				  # the address we write to
				  email:
				""");
		assertThat(this.drafts.read(written)).isEqualTo(withFields(draft, fields));
	}

	@Test
	void changingTheConditionRewritesOnlyTheCondition() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		ConditionDraft when = new ConditionDraft("all", List.of(new Rule("country", "in", List.of("DE", "AT"), false),
				new Rule("email", "matches", List.of(".*@corp\\.com"), true)), true);
		MappingDraft edited = new MappingDraft(draft.id(), draft.name(), draft.destination(), draft.enabled(),
				draft.pages(), draft.forms(), draft.platforms(), when, draft.fields());
		String written = this.drafts.write(edited, yaml);
		int start = yaml.indexOf("    any:");
		int end = yaml.indexOf("\nfields:");
		assertThat(written).isEqualTo(yaml.substring(0, start) + """
				    all:
				      - field: country
				        in: [DE, AT]
				      - not:
				          field: email
				          matches: '.*@corp\\.com'
				""" + yaml.substring(end));
		assertThat(this.drafts.read(written)).isEqualTo(edited);
	}

	@Test
	void theNameEnabledPagesAndFormsChangeOnTheirOwnLines() throws IOException {
		String yaml = resource("commented.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		MappingDraft edited = new MappingDraft(draft.id(), "Spring leads", draft.destination(), false, List.of("123"),
				List.of("700000000000011"), List.of("fb"), draft.when(), draft.fields());
		String written = this.drafts.write(edited, yaml);
		assertThat(written)
			.isEqualTo(yaml.replace("name: 'Spring campaign: leads to HubSpot'   #", "name: Spring leads   #")
				.replace("enabled: true", "enabled: false")
				.replace("match:\n", "match:\n  pages: [\"123\"]\n")
				.replace("forms: [\"700000000000011\", '700000000000012']",
						"forms: [\"700000000000011\"]\n  platforms: [fb]"));
		assertThat(this.drafts.read(written)).isEqualTo(edited);
		MappingDraft unnamed = new MappingDraft(draft.id(), null, draft.destination(), true, List.of(), List.of(),
				List.of(), null, draft.fields());
		String bare = this.drafts.write(unnamed, yaml);
		assertThat(bare).doesNotContain("\nname:", "match:").startsWith("# Leads of the spring campaign");
		assertThat(this.drafts.read(bare)).isEqualTo(unnamed);
	}

	@Test
	void theConsentExampleIsShownReadOnlyAndRoundTrips() throws IOException {
		String yaml = Files.readString(Path.of("mappings/example-marketing-consent.yaml"));
		MappingDraft draft = this.drafts.read(yaml);
		assertThat(draft.when().editable()).isFalse();
		assertThat(draft.fields().get(1))
			.isEqualTo(new FieldDraft("marketing_optin", "meta", "consent.marketing_optin", List.of(), false));
		assertThat(this.drafts.write(draft, yaml)).isEqualTo(yaml);
	}

	@Test
	void aNestedConditionIsShownReadOnlyAndKeptAsItIs() throws IOException {
		String yaml = resource("nested-condition.yaml");
		MappingDraft draft = this.drafts.read(yaml);
		assertThat(draft.when().editable()).isFalse();
		List<FieldDraft> fields = new ArrayList<>(draft.fields());
		fields.add(new FieldDraft("zip", "answer", "zip", List.of(), false));
		MappingDraft edited = new MappingDraft(draft.id(), draft.name(), draft.destination(), true, List.of("1"),
				draft.forms(), draft.platforms(), draft.when(), fields);
		String written = this.drafts.write(edited, yaml);
		String when = yaml.substring(yaml.indexOf("  when:"), yaml.indexOf("fields:"));
		assertThat(written).contains(when).endsWith("    answer: email\n  zip:\n    answer: zip\n");
		assertThat(this.drafts.read(written)).isEqualTo(edited);
		assertThatIllegalArgumentException().isThrownBy(() -> this.drafts.write(edited, null));
	}

	@Test
	void aSingleRuleOrANegatedExistsIsEditable() {
		String yaml = """
				id: one-rule
				destination: crm
				match:
				  when: {not: {field: email, equals: x}}
				fields: {email: {answer: email}}
				""";
		MappingDraft draft = this.drafts.read(yaml);
		assertThat(draft.when())
			.isEqualTo(new ConditionDraft("all", List.of(new Rule("email", "equals", List.of("x"), true)), true));
		assertThat(this.drafts.write(draft, yaml)).isEqualTo(yaml);
		MappingDraft edited = new MappingDraft(draft.id(), "A name", draft.destination(), draft.enabled(),
				draft.pages(), draft.forms(), draft.platforms(), draft.when(), draft.fields());
		assertThat(this.drafts.write(edited, yaml))
			.isEqualTo(yaml.replace("destination:", "name: A name\ndestination:"));
	}

	@Test
	void readRefusesWhatTheParserRefusesWithTheLineAndKey() {
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> this.drafts.read("id: x\ndestination: crm\nfields:\n  email:\n    answr: email\n"))
			.satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(5);
				assertThat(ex.path()).isEqualTo("fields.email.answr");
			});
	}

	@Test
	void writeRefusesADraftThatIsNoValidMapping() {
		MappingDraft draft = new MappingDraft("Bad Id", null, "crm", true, List.of(), List.of(), List.of(), null,
				List.of(new FieldDraft("email", "answer", "email", List.of(), false)));
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(() -> this.drafts.write(draft, null))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("id"));
	}

	@Test
	void windowsLineEndingsADocumentMarkerAndEmojiAreKept() {
		String yaml = "---\r\n# 🌸 spring\r\nid: emoji\r\nname: \"Spring 🌸 leads\"  # 🌸 named\r\ndestination: crm\r\n"
				+ "fields:\r\n  email:\r\n    answer: email  # 🌸\r\n  phone:\r\n    answer: phone\r\n";
		MappingDraft draft = this.drafts.read(yaml);
		assertThat(this.drafts.write(draft, yaml)).isEqualTo(yaml);
		MappingDraft edited = withField(
				new MappingDraft(draft.id(), "Sommer 🌻", "other-crm", draft.enabled(), draft.pages(), draft.forms(),
						draft.platforms(), draft.when(), draft.fields()),
				1, new FieldDraft("phone", "answer", "mobile", List.of(), false));
		String written = this.drafts.write(edited, yaml);
		assertThat(this.drafts.read(written)).isEqualTo(edited);
		assertThat(written).startsWith("---\r\n# 🌸 spring\r\nid: emoji\r\nname: \"Sommer 🌻\"  # 🌸 named\r\n")
			.contains("destination: other-crm\r\n")
			.contains("    answer: email  # 🌸\r\n")
			.contains("    answer: mobile\r\n");
	}

	@Test
	void flowStyleFieldsAndFourSpaceIndentsTakeNewRows() {
		String yaml = """
				id: flow
				destination: crm
				fields: {email: {answer: email}}
				""";
		MappingDraft draft = this.drafts.read(yaml);
		List<FieldDraft> fields = new ArrayList<>(draft.fields());
		fields.add(new FieldDraft("city", "constant", "Berlin", List.of(), false));
		String written = this.drafts.write(withFields(draft, fields), yaml);
		assertThat(written).isEqualTo("""
				id: flow
				destination: crm
				fields:
				  email:
				    answer: email
				  city:
				    constant: Berlin
				""");
		String wide = """
				id: wide
				destination: crm
				fields:
				    email:
				        answer: email
				""";
		MappingDraft wideDraft = this.drafts.read(wide);
		List<FieldDraft> more = new ArrayList<>(wideDraft.fields());
		more.add(new FieldDraft("city", "answer", "city", List.of(TransformDraft.of("title", null)), true));
		String widened = this.drafts.write(withFields(wideDraft, more), wide);
		assertThat(widened).startsWith(wide);
		assertThat(this.drafts.read(widened)).isEqualTo(withFields(wideDraft, more));
	}

	@Test
	void valuesThatNeedQuotesAreQuoted() {
		List<String> awkward = List.of("yes", "123", "a: b", "# not a comment", "- dash", "[x]", "{y}", "it's",
				"back\\slash", "line\nbreak", "tab\there", " padded ", "", "@at", "ünïcödé", "null", "~", "*star",
				"&anchor", "!tag", "%percent", "`tick`", "|", ">", "'", "\"", "a #b");
		List<FieldDraft> fields = new ArrayList<>();
		for (int i = 0; i < awkward.size(); i++) {
			fields.add(new FieldDraft("f" + i, "constant", awkward.get(i), List.of(), false));
		}
		fields.add(new FieldDraft("yes", "answer", "no", List.of(TransformDraft.of("default", "on")), false));
		MappingDraft draft = new MappingDraft("quotes", "Quotes: all of them", "crm", true, List.of("0012"), List.of(),
				List.of("fb"),
				new ConditionDraft("any",
						List.of(new Rule("x", "in", awkward, false), new Rule("y", "equals", List.of("a, b"), true)),
						true),
				fields);
		assertThat(this.drafts.read(this.drafts.write(draft, null))).isEqualTo(draft);
	}

	static MappingDraft withField(MappingDraft draft, int index, FieldDraft field) {
		List<FieldDraft> fields = new ArrayList<>(draft.fields());
		fields.set(index, field);
		return withFields(draft, fields);
	}

	static MappingDraft withFields(MappingDraft draft, List<FieldDraft> fields) {
		return new MappingDraft(draft.id(), draft.name(), draft.destination(), draft.enabled(), draft.pages(),
				draft.forms(), draft.platforms(), draft.when(), fields);
	}

}
