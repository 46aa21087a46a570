package io.leadrelay.delivery.fields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.leadrelay.destination.CrmField;

/** The order fields are shown in. */
public final class Fields {

	private Fields() {
	}

	/**
	 * Required fields first, then those a mapping may set, then those the CRM sets
	 * itself; otherwise in the given order.
	 */
	public static List<CrmField> inOrder(List<CrmField> fields) {
		List<CrmField> ordered = new ArrayList<>(fields);
		ordered.sort(Comparator.comparingInt(Fields::rank));
		return List.copyOf(ordered);
	}

	private static int rank(CrmField field) {
		if (field.required()) {
			return 0;
		}
		return field.readOnly() ? 2 : 1;
	}

}
