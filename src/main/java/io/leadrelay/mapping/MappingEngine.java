package io.leadrelay.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Decides which mappings take a lead and maps it: reads each field's source, runs its
 * transforms, and reports per field what could not be filled. No I/O.
 */
@Component
public class MappingEngine {

	public boolean matches(Mapping mapping, LeadData lead) {
		return mapping.enabled() && wouldTake(mapping, lead);
	}

	/**
	 * Whether the mapping takes the lead once enabled: its pages, forms, platforms and
	 * condition, whatever its switch says (what a preview shows).
	 */
	public boolean wouldTake(Mapping mapping, LeadData lead) {
		return within(mapping.pages(), lead.metadata().get("page_id"))
				&& within(mapping.forms(), lead.metadata().get("form_id"))
				&& within(mapping.platforms(), lead.metadata().get("platform"))
				&& (mapping.condition() == null || mapping.condition().test(lead));
	}

	public MappingResult apply(Mapping mapping, LeadData lead) {
		Map<String, String> payload = new LinkedHashMap<>();
		List<MappingResult.FieldError> errors = new ArrayList<>();
		for (FieldRule rule : mapping.fields()) {
			String value = rule.source().read(lead);
			try {
				for (Transform transform : rule.transforms()) {
					value = transform.apply(value);
				}
			}
			catch (TransformException ex) {
				errors.add(new MappingResult.FieldError(rule.target(),
						rule.target() + ": the value from " + describe(rule.source()) + " " + ex.getMessage()));
				continue;
			}
			if (!Transform.isEmpty(value)) {
				payload.put(rule.target(), value);
			}
			else if (rule.required()) {
				errors.add(new MappingResult.FieldError(rule.target(),
						rule.target() + " is required, but " + describe(rule.source()) + " is empty"));
			}
		}
		return new MappingResult(payload, List.copyOf(errors));
	}

	private static boolean within(Set<String> allowed, String value) {
		return allowed.isEmpty() || (value != null && allowed.contains(value));
	}

	private static String describe(Source source) {
		if (source instanceof Source.Answer answer) {
			return "the answer '" + answer.name() + "'";
		}
		if (source instanceof Source.Meta meta) {
			return "the lead's " + meta.key();
		}
		if (source instanceof Source.Template template) {
			return "the template '" + template.text() + "'";
		}
		return "the constant";
	}

}
