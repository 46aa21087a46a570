package io.leadrelay.mapping.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.MappingDraft.ConditionDraft;
import io.leadrelay.mapping.MappingDraft.FieldDraft;
import io.leadrelay.mapping.MappingDraft.Rule;
import io.leadrelay.mapping.MappingDraft.TransformDraft;
import io.leadrelay.mapping.MappingParser;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class DraftBinderTests {

	static MappingDraft everything() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("under_5000", "small");
		map.put("over_5000", "large");
		List<TransformDraft> all = List.of(TransformDraft.of("trim", null), TransformDraft.of("lower", null),
				TransformDraft.of("upper", null), TransformDraft.of("title", null), TransformDraft.of("e164", "DE"),
				TransformDraft.of("split_name", "last"), new TransformDraft("value_map", null, null, map, "unknown"),
				TransformDraft.of("date", "dd/MM/yyyy"),
				new TransformDraft("regex_extract", "(\\d+)-(\\d+)", 2, null, null),
				TransformDraft.of("truncate", "200"), TransformDraft.of("default", "n/a"));
		List<Rule> rules = List.of(new Rule("country", "equals", List.of("DE"), false),
				new Rule("country", "in", List.of("DE", "AT", "CH"), true),
				new Rule("campaign_name", "contains", List.of("Solar"), false),
				new Rule("email", "matches", List.of(".+@example\\.com"), true),
				new Rule("phone_number", "exists", List.of(), false));
		return new MappingDraft("solar-to-hubspot", "Solar to HubSpot", "hubspot-main", true, List.of("100", "200"),
				List.of("700"), List.of("fb", "ig"), new ConditionDraft("any", rules, true),
				List.of(new FieldDraft("email", "answer", "email", all, true),
						new FieldDraft("source", "meta", "campaign_name", List.of(), false),
						new FieldDraft("hs_lead_status", "constant", "NEW", List.of(), false),
						new FieldDraft("detail", "template", "{{campaign_name}} / {{ad_name}}",
								List.of(TransformDraft.of("truncate", "20")), false)));
	}

	@Test
	void everyTransformAndOperatorSurvivesFormToDraftToForm() {
		MappingDraft draft = everything();
		MultiValueMap<String, String> form = EditorForm.of(draft).toParams();
		assertThat(DraftBinder.bind(form)).isEqualTo(draft);
		assertThat(EditorForm.of(DraftBinder.bind(form)).toParams()).isEqualTo(form);
		assertThat(draft.fields().get(0).transforms()).extracting(TransformDraft::name)
			.containsExactlyInAnyOrderElementsOf(parserTransforms());
		assertThat(draft.when().rules()).extracting(Rule::operator)
			.containsExactlyInAnyOrder("equals", "in", "contains", "matches", "exists");
	}

	@Test
	void bindsRowsByTheirIndexAndSkipsTransformsWithoutAName() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("id", " solar ");
		form.add("destination", "hubspot-main");
		form.add("fields[1].target", "phone");
		form.add("fields[1].kind", "answer");
		form.add("fields[1].answer", "phone_number");
		form.add("fields[1].transforms[0].name", "e164");
		form.add("fields[1].transforms[0].argument", "DE");
		form.add("fields[1].transforms[1].name", "");
		form.add("fields[0].target", "email");
		form.add("fields[0].kind", "constant");
		form.add("fields[0].answer", "ignored");
		form.add("fields[0].value", "x@example.com");
		MappingDraft draft = DraftBinder.bind(form);
		assertThat(draft.id()).isEqualTo("solar");
		assertThat(draft.enabled()).isFalse();
		assertThat(draft.when()).isNull();
		assertThat(draft.fields()).containsExactly(
				new FieldDraft("email", "constant", "x@example.com", List.of(), false),
				new FieldDraft("phone", "answer", "phone_number", List.of(TransformDraft.of("e164", "DE")), false));
	}

	@Test
	void aConditionBeyondTheBuilderIsMarkedToBeKept() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("when.keep", "true");
		form.add("when.combine", "all");
		MappingDraft draft = DraftBinder.bind(form);
		assertThat(draft.when().editable()).isFalse();
		assertThat(EditorForm.of(draft).keepCondition()).isTrue();
	}

	@Test
	void theDraftAsJsonIsAMappingTheParserTakes() {
		var mapping = new MappingParser().parse(DraftJson.write(everything()), "test", 0);
		assertThat(mapping.fields()).hasSize(4);
		assertThat(mapping.fields().get(0).transforms()).hasSize(11);
		assertThat(mapping.condition()).isNotNull();
		assertThat(mapping.platforms()).containsExactlyInAnyOrder("fb", "ig");
	}

	private static List<String> parserTransforms() {
		return List.of("trim", "lower", "upper", "title", "e164", "split_name", "value_map", "date", "regex_extract",
				"truncate", "default");
	}

}
