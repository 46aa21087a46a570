package io.leadrelay.destination.spi;

import java.util.Map;

import io.leadrelay.destination.InvalidDestinationException;

/**
 * A type of destination, declared by the connector that sends to it: its name, and what
 * its settings and credentials must hold. Each implementation is a Spring bean;
 * destinations of a type no bean declares are refused. {@link DestinationFields} checks
 * fields with the messages every type uses.
 */
public interface DestinationType {

	/**
	 * The type as the API and the database name it, such as {@code hubspot}; unique.
	 */
	String code();

	/**
	 * The type's settings, checked, with defaults filled in. The settings every type
	 * takes (the retry schedule and horizon) are checked apart and not passed here.
	 * @param given the settings as given, in their order
	 * @return the settings to store
	 * @throws InvalidDestinationException naming the first field that does not fit
	 */
	Map<String, String> settings(Map<String, String> given);

	/**
	 * Checks the credentials against the type and its settings.
	 * @param settings the settings as {@link #settings} returned them
	 * @param credentials the credentials as given
	 * @throws InvalidDestinationException naming the first field that does not fit
	 */
	void checkCredentials(Map<String, String> settings, Map<String, String> credentials);

}
