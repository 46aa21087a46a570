package io.leadrelay.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.leadrelay.config.InvalidSetupException;

import org.springframework.stereotype.Component;

/**
 * The connectors of this engine, by the destination type each declares.
 */
@Component
class Connectors {

	private final Map<String, Connector> byType = new TreeMap<>();

	Connectors(List<Connector> connectors, DeliveryProperties properties) {
		connectors.forEach((connector) -> this.byType.put(connector.code(), connector));
		properties.rateLimits()
			.keySet()
			.stream()
			.filter((type) -> !this.byType.containsKey(type))
			.sorted()
			.findFirst()
			.ifPresent((type) -> {
				throw new InvalidSetupException("leadrelay.delivery.rate-limits." + type + " names no destination type",
						"Name one of " + List.copyOf(this.byType.keySet()) + ", or remove it.");
			});
	}

	/** The connector of destinations of that type, if this engine has one. */
	Optional<Connector> forType(String type) {
		return Optional.ofNullable(this.byType.get(type));
	}

}
