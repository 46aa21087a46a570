package io.leadrelay.testlead;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadrelay.form.LeadForm;
import io.leadrelay.form.LeadForms;
import io.leadrelay.mapping.FieldRule;
import io.leadrelay.mapping.LeadData;
import io.leadrelay.mapping.Mapping;
import io.leadrelay.mapping.Source;

import org.springframework.stereotype.Component;

/**
 * The questions a test lead of a mapping answers: those of the mapping's form when
 * LeadRelay knows it, else the answers the mapping reads.
 */
@Component
class TestQuestions {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

	private final LeadForms forms;

	TestQuestions(LeadForms forms) {
		this.forms = forms;
	}

	List<TestQuestion> of(Mapping mapping) {
		Optional<LeadForm> form = formOf(mapping);
		if (form.isPresent() && !form.get().questions().isEmpty()) {
			return form.get()
				.questions()
				.stream()
				.map((question) -> TestQuestion.of(question.key(), question.label(), question.type()))
				.toList();
		}
		List<TestQuestion> questions = new ArrayList<>();
		answersRead(mapping).forEach((key) -> questions.add(TestQuestion.of(key, null, null)));
		return questions;
	}

	/** The first of the mapping's forms that LeadRelay knows, if any. */
	Optional<LeadForm> formOf(Mapping mapping) {
		return mapping.forms().stream().sorted().map(this.forms::get).flatMap(Optional::stream).findFirst();
	}

	private static Set<String> answersRead(Mapping mapping) {
		Set<String> keys = new LinkedHashSet<>();
		for (FieldRule rule : mapping.fields()) {
			if (rule.source() instanceof Source.Answer answer) {
				keys.add(answer.name());
			}
			else if (rule.source() instanceof Source.Template template) {
				Matcher matcher = PLACEHOLDER.matcher(template.text());
				while (matcher.find()) {
					if (!LeadData.METADATA.contains(matcher.group(1))) {
						keys.add(matcher.group(1));
					}
				}
			}
		}
		return keys;
	}

}
