package io.leadrelay.dashboard;

/**
 * How one destination's deliveries ended over the dashboard's window.
 *
 * @param destinationId the destination's id
 * @param name its name ({@code null} if it was deleted)
 * @param delivered deliveries that reached it
 * @param dead deliveries that gave up (dead letters)
 */
public record DestinationSuccess(String destinationId, String name, long delivered, long dead) {

	public long ended() {
		return this.delivered + this.dead;
	}

	/** The share delivered in whole percent, rounded down; {@code -1} if none ended. */
	public int percentDelivered() {
		return (ended() == 0) ? -1 : (int) (this.delivered * 100 / ended());
	}

}
