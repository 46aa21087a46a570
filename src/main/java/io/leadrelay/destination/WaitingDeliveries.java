package io.leadrelay.destination;

/**
 * The deliveries that still wait for a destination: {@code pending}, {@code retrying} or
 * {@code in_flight}. Declared here, where deleting a destination must ask about them, and
 * implemented by the delivery feature, which owns them (delivery depends on destination,
 * never the other way round).
 */
public interface WaitingDeliveries {

	/** The reason a delivery given up because its destination was deleted carries. */
	String DESTINATION_DELETED = "destination deleted";

	/**
	 * How many deliveries wait for a destination.
	 * @param destinationId the destination
	 * @return how many are pending, retrying or in flight
	 */
	int count(String destinationId);

	/**
	 * Gives up every delivery that waits for a destination: each becomes {@code dead}
	 * with {@code reason} as its last error, loses any claim a worker holds on it (so
	 * that worker's outcome is not written), and is audited on its lead. Joins the
	 * caller's transaction.
	 * @param destinationId the destination
	 * @param reason the last error they keep
	 * @param actor who gave them up
	 * @return how many were given up
	 */
	int abandon(String destinationId, String reason, String actor);

}
