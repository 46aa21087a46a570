package io.leadrelay.destination;

/**
 * A destination changed. Published in the transaction that changed it, so that what
 * listens (the audit trail) commits or rolls back with the change. Credentials never
 * travel in these events.
 */
public sealed interface DestinationChanged {

	String destinationId();

	/**
	 * A destination was added.
	 *
	 * @param destinationId the destination
	 * @param actor the user who added it
	 * @param type its type's code, such as {@code hubspot}
	 * @param enabled whether it may receive deliveries
	 */
	record Created(String destinationId, String actor, String type, boolean enabled) implements DestinationChanged {

	}

	/**
	 * A destination's name, settings, credentials or switch changed.
	 *
	 * @param destinationId the destination
	 * @param actor the user who changed it
	 * @param credentialsChanged whether it got new credentials
	 */
	record Updated(String destinationId, String actor, boolean credentialsChanged) implements DestinationChanged {

	}

	/**
	 * A destination was removed.
	 *
	 * @param destinationId the destination
	 * @param actor the user who removed it
	 * @param deadDeliveries how many of its waiting deliveries were given up with it
	 */
	record Deleted(String destinationId, String actor, int deadDeliveries) implements DestinationChanged {

	}

	/**
	 * The target refused the destination's credentials: it is paused until they are
	 * replaced.
	 *
	 * @param destinationId the destination
	 */
	record CredentialsRefused(String destinationId) implements DestinationChanged {

	}

}
