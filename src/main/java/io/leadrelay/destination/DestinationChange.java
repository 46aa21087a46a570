package io.leadrelay.destination;

import java.util.Map;

/**
 * A change to a destination; {@code null} parts stay as they are. Credentials are
 * replaced as a whole.
 *
 * @param name a new name
 * @param settings new settings
 * @param credentials new credentials
 * @param enabled whether leads are sent to it
 */
public record DestinationChange(String name, Map<String, String> settings, Map<String, String> credentials,
		Boolean enabled) {

	@Override
	public String toString() {
		return "DestinationChange[name=" + this.name + ", settings=" + this.settings + ", credentials="
				+ ((this.credentials != null) ? this.credentials.keySet() : null) + ", enabled=" + this.enabled + "]";
	}

}
