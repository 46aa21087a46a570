package io.leadrelay.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MappingEngineTests {

	private final MappingEngine engine = new MappingEngine();

	private final LeadData lead = new LeadData(
			Map.of("full_name", List.of("ana maria LOPEZ"), "email", List.of(" Ana@Example.com "), "phone_number",
					List.of("030 1234567"), "which_products", List.of("solar", "battery"), "country", List.of("DE"),
					"budget", List.of("")),
			Map.of("leadgen_id", "920000000000001", "page_id", "100200300400500", "form_id", "700000000000011",
					"platform", "ig", "campaign_name", "Spring 2026", "ad_name", "Promo A"));

	@Test
	void mapsALeadFieldByField() {
		MappingResult result = this.engine.apply(mapping(List.of(
				field("firstname", new Source.Answer("full_name"), new Transform.SplitName(true),
						new Transform.Title()),
				field("lastname", new Source.Answer("full_name"), new Transform.SplitName(false),
						new Transform.Title()),
				field("email", new Source.Answer("email"), new Transform.Trim(), new Transform.Lower()),
				field("phone", new Source.Answer("phone_number"), new Transform.E164("DE")),
				field("products", new Source.Answer("which_products")),
				field("lifecyclestage", new Source.Constant("lead")),
				field("source", new Source.Template("{{campaign_name}} / {{ad_name}} ({{platform}})")),
				field("budget", new Source.Answer("budget"), new Transform.Default("unknown")),
				field("fax", new Source.Answer("fax")))), this.lead);
		assertThat(result.ok()).isTrue();
		assertThat(result.payload()).containsExactly(Map.entry("firstname", "Ana Maria"),
				Map.entry("lastname", "Lopez"), Map.entry("email", "ana@example.com"),
				Map.entry("phone", "+49301234567"), Map.entry("products", "solar;battery"),
				Map.entry("lifecyclestage", "lead"), Map.entry("source", "Spring 2026 / Promo A (ig)"),
				Map.entry("budget", "unknown"));
	}

	@Test
	void reportsEveryFieldThatCannotBeFilledNamingItButNotItsValue() {
		MappingResult result = this.engine
			.apply(mapping(List.of(new FieldRule("company", new Source.Answer("company_name"), List.of(), true),
					field("phone", new Source.Answer("full_name"), new Transform.E164("DE")),
					field("email", new Source.Answer("email"), new Transform.Trim()))), this.lead);
		assertThat(result.ok()).isFalse();
		assertThat(result.errors()).extracting(MappingResult.FieldError::field).containsExactly("company", "phone");
		assertThat(result.errors().get(0).message())
			.isEqualTo("company is required, but the answer 'company_name' is empty");
		assertThat(result.errors().get(1).message()).startsWith("phone: the value from the answer 'full_name'")
			.doesNotContain("LOPEZ");
		assertThat(result.payload()).as("the other fields are still shown").containsEntry("email", "Ana@Example.com");
	}

	@Test
	void takesALeadOnlyWhenPagesFormsPlatformAndConditionsAgree() {
		Condition germanSolar = new Condition.All(List.of(new Condition.In("country", Set.of("de", "at")),
				new Condition.Any(List.of(new Condition.EqualsValue("which_products", "SOLAR"),
						new Condition.Contains("email", "@example.org"))),
				new Condition.Exists("email"), new Condition.Not(new Condition.Exists("fax")),
				new Condition.Matches("email", Pattern.compile("(?i)\\s*[^@]+@example\\.com\\s*"))));
		assertThat(this.engine.matches(mapping(Set.of(), Set.of(), Set.of(), germanSolar), this.lead)).isTrue();
		assertThat(this.engine
			.matches(mapping(Set.of("100200300400500"), Set.of("700000000000011"), Set.of("ig"), null), this.lead))
			.isTrue();
		assertThat(this.engine.matches(mapping(Set.of("999"), Set.of(), Set.of(), null), this.lead)).isFalse();
		assertThat(this.engine.matches(mapping(Set.of(), Set.of("999"), Set.of(), null), this.lead)).isFalse();
		assertThat(this.engine.matches(mapping(Set.of(), Set.of(), Set.of("fb"), null), this.lead)).isFalse();
		assertThat(this.engine
			.matches(mapping(Set.of(), Set.of(), Set.of(), new Condition.EqualsValue("country", "FR")), this.lead))
			.isFalse();
		assertThat(
				this.engine.matches(mapping(Set.of(), Set.of(), Set.of(), new Condition.Exists("budget")), this.lead))
			.as("a blank answer does not exist")
			.isFalse();
	}

	@Test
	void neverTakesALeadIntoADisabledMapping() {
		Mapping disabled = new Mapping("m", 1, "hubspot", false, Set.of(), Set.of(), Set.of(), null, List.of());
		assertThat(this.engine.matches(disabled, this.lead)).isFalse();
	}

	private static FieldRule field(String target, Source source, Transform... transforms) {
		return new FieldRule(target, source, List.of(transforms), false);
	}

	private static Mapping mapping(List<FieldRule> fields) {
		return new Mapping("contacts", 1, "hubspot-main", true, Set.of(), Set.of(), Set.of(), null, fields);
	}

	private static Mapping mapping(Set<String> pages, Set<String> forms, Set<String> platforms, Condition condition) {
		return new Mapping("contacts", 1, "hubspot-main", true, pages, forms, platforms, condition, List.of());
	}

}
