package io.leadrelay.destination;

import java.util.List;

/**
 * A field a destination's CRM offers, as read from the CRM itself.
 *
 * @param name the field's API name, what a mapping's {@code fields:} key names
 * @param label the field's name in the CRM's screens
 * @param type the CRM's type, such as {@code string}, {@code email} or {@code picklist}
 * @param required whether the CRM refuses a record without it
 * @param readOnly whether the CRM computes it (a mapping cannot set it)
 * @param options the values a choice field accepts, empty for free fields
 */
public record CrmField(String name, String label, String type, boolean required, boolean readOnly,
		List<String> options) {

	public CrmField {
		options = List.copyOf(options);
	}

}
