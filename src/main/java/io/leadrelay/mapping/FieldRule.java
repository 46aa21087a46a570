package io.leadrelay.mapping;

import java.util.List;

/**
 * How one CRM field is filled.
 *
 * @param target the CRM field's name
 * @param source where its value comes from
 * @param transforms what is done to the value, in order
 * @param required whether a lead without a value for it cannot be delivered
 */
public record FieldRule(String target, Source source, List<Transform> transforms, boolean required) {

	public FieldRule {
		transforms = List.copyOf(transforms);
	}

}
