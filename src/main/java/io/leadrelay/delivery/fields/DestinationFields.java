package io.leadrelay.delivery.fields;

import java.time.Instant;
import java.util.List;

import io.leadrelay.destination.CrmField;

/**
 * A destination's CRM fields as its page shows them.
 *
 * @param destinationId the destination
 * @param destinationName its name
 * @param type its type, such as {@code hubspot}
 * @param anyFieldName whether it takes any field names (a webhook or a Camel route), so
 * that there is no list to read
 * @param fields the fields kept from the last read, required first
 * @param readAt when the CRM was last read; {@code null} when never
 * @param problem why the read on view failed, {@code null} when it did not
 */
public record DestinationFields(String destinationId, String destinationName, String type, boolean anyFieldName,
		List<CrmField> fields, Instant readAt, String problem) {

	public DestinationFields {
		fields = List.copyOf(fields);
	}

}
