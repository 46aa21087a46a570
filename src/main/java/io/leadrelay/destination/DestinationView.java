package io.leadrelay.destination;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A destination as the API shows it: settings in full, credentials only by name.
 *
 * @param id the destination's id, used by mappings
 * @param name a name for people
 * @param type where it sends leads
 * @param settings the type's settings, defaults filled in
 * @param credentialsSet the names of the credentials stored (never their values)
 * @param enabled whether leads are sent to it
 * @param status whether its target takes its credentials
 * @param createdAt when it was added
 * @param updatedAt when it was last changed
 */
public record DestinationView(String id, String name, String type, Map<String, String> settings,
		List<String> credentialsSet, boolean enabled, DestinationStatus status, Instant createdAt, Instant updatedAt) {

	/**
	 * The setting, allowed for every type, that overrides the delivery retry schedule
	 * (comma-separated durations).
	 */
	public static final String RETRY_SCHEDULE = "retrySchedule";

	/** The setting, allowed for every type, that overrides the delivery retry horizon. */
	public static final String RETRY_HORIZON = "retryHorizon";

	/**
	 * Whether it may receive leads now: it is enabled and its target has not refused its
	 * credentials. Its deliveries wait, untried, while it may not.
	 */
	public boolean mayReceive() {
		return this.enabled && this.status == DestinationStatus.ACTIVE;
	}

}
