package io.leadrelay.mapping;

import java.util.List;
import java.util.Map;

/**
 * A lead mapped for a destination.
 *
 * @param payload the CRM fields with their values, in the mapping's order; fields without
 * a value are left out
 * @param errors what went wrong per field; a result with errors is not delivered
 */
public record MappingResult(Map<String, String> payload, List<FieldError> errors) {

	public boolean ok() {
		return this.errors.isEmpty();
	}

	/**
	 * Why a field could not be filled.
	 *
	 * @param field the CRM field
	 * @param message what is wrong, naming the field (never its value)
	 */
	public record FieldError(String field, String message) {
	}

}
