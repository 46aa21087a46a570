package io.leadrelay.destination;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.leadrelay.destination.spi.DestinationType;
import io.leadrelay.destination.spi.OutboundAddresses;

import org.springframework.stereotype.Component;

/**
 * The destination types this engine knows: those its connectors declare, each with its
 * address URLs checked against the {@link OutboundAddresses} of the engine.
 */
@Component
class DestinationTypes {

	private final Map<String, DestinationType> byCode = new TreeMap<>();

	DestinationTypes(List<DestinationType> declared, OutboundAddresses addresses) {
		for (DestinationType type : declared) {
			if (this.byCode.putIfAbsent(type.code(), new AddressCheckedType(type, addresses)) != null) {
				throw new IllegalStateException("Two connectors declare the destination type " + type.code() + ": "
						+ ((AddressCheckedType) this.byCode.get(type.code())).typeName() + " and "
						+ type.getClass().getName());
			}
		}
	}

	/**
	 * The type of that code.
	 * @throws InvalidDestinationException naming the known types, when none has it
	 */
	DestinationType get(String code) {
		DestinationType type = (code != null) ? this.byCode.get(code) : null;
		if (type == null) {
			throw new InvalidDestinationException("type", "type must be one of " + List.copyOf(this.byCode.keySet()));
		}
		return type;
	}

}
