package io.leadrelay.delivery.fields;

import java.util.List;
import java.util.Map;

import io.leadrelay.destination.CrmField;

/**
 * Reads the fields a CRM offers for the records a destination of one type creates, from
 * the CRM itself, with the destination's settings and credentials.
 */
public interface FieldReader {

	/** The destination type it reads, such as {@code hubspot}. */
	String type();

	/**
	 * The CRM's fields, in the order to show them.
	 * @param destinationId the destination (for a cached session)
	 * @param settings its settings, defaults filled in
	 * @param credentials its credentials, decrypted; never put them into a message
	 * @throws FieldReadException when the CRM did not list them, saying why in its words
	 */
	List<CrmField> read(String destinationId, Map<String, String> settings, Map<String, String> credentials);

}
