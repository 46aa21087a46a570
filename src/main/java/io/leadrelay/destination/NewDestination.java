package io.leadrelay.destination;

import java.util.Map;

/**
 * A destination to create.
 *
 * @param id its id: lower-case letters, digits and '-'
 * @param name a name for people
 * @param type the code of its type, such as {@code hubspot}
 * @param settings the type's settings
 * @param credentials the type's credentials
 * @param enabled whether leads are sent to it
 */
public record NewDestination(String id, String name, String type, Map<String, String> settings,
		Map<String, String> credentials, boolean enabled) {

	@Override
	public String toString() {
		return "NewDestination[id=" + this.id + ", type=" + this.type + ", credentials=" + this.credentials.keySet()
				+ "]";
	}

}
