package io.leadrelay.mapping;

/**
 * An enabled mapping is saved for a destination that another enabled mapping sends to
 * already. A lead gets one delivery per destination, so only one of them could be used,
 * and which one would be a silent accident: such a save is refused.
 */
public class DestinationTakenException extends InvalidMappingException {

	private final String destination;

	private final String otherMapping;

	DestinationTakenException(String mapping, String destination, String otherMapping) {
		super("destination", "the destination '" + destination + "' takes the enabled mapping '" + otherMapping
				+ "' already, and a destination takes one enabled mapping (a lead gets one delivery per destination): "
				+ "disable '" + otherMapping + "' first, or save '" + mapping + "' with enabled: false");
		this.destination = destination;
		this.otherMapping = otherMapping;
	}

	/** The destination both mappings name. */
	public String destination() {
		return this.destination;
	}

	/** The id of the enabled mapping that sends to it already. */
	public String otherMapping() {
		return this.otherMapping;
	}

}
