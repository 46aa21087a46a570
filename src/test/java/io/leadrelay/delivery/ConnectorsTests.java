package io.leadrelay.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leadrelay.config.InvalidSetupException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's connectors by the type each declares, and the rate limit of each type: the
 * connector's own unless {@code leadrelay.delivery.rate-limits} sets one.
 */
class ConnectorsTests {

	final List<Connector> connectors = List.of(new Stub("hubspot", 9), new Stub("webhook", 50));

	@Test
	void findsTheConnectorOfAType() {
		Connectors byType = new Connectors(this.connectors, properties(Map.of()));
		assertThat(byType.forType("webhook")).containsSame(this.connectors.get(1));
		assertThat(byType.forType("zapier")).isEmpty();
	}

	@Test
	void limitsEachTypeToItsConnectorsRateUnlessOneIsSet() {
		DeliveryProperties properties = properties(Map.of("webhook", 5.0));
		new Connectors(this.connectors, properties);
		List<Double> limits = new ArrayList<>();
		DestinationGuards guards = new DestinationGuards(properties, (destination, perSecond, wait) -> {
			limits.add(perSecond);
			return true;
		});
		guards.forDestination("crm", this.connectors.get(0)).permit().getAsBoolean();
		guards.forDestination("hook", this.connectors.get(1)).permit().getAsBoolean();
		assertThat(limits).containsExactly(9.0, 5.0);
	}

	@Test
	void refusesToStartWithARateLimitForATypeNoConnectorDeclares() {
		assertThatExceptionOfType(InvalidSetupException.class)
			.isThrownBy(() -> new Connectors(this.connectors, properties(Map.of("hubspot", 5.0, "zapier", 5.0))))
			.withMessage("leadrelay.delivery.rate-limits.zapier names no destination type")
			.extracting(InvalidSetupException::action)
			.isEqualTo("Name one of [hubspot, webhook], or remove it.");
	}

	/** A connector that declares a type and a rate, and sends nothing. */
	private record Stub(String code, double defaultRateLimit) implements Connector {

		@Override
		public Map<String, String> settings(Map<String, String> given) {
			return given;
		}

		@Override
		public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
		}

		@Override
		public DeliveryOutcome deliver(DeliveryRequest request) {
			throw new UnsupportedOperationException();
		}

	}

	private static DeliveryProperties properties(Map<String, Double> rateLimits) {
		return new DeliveryProperties(true, 4, 100, Duration.ofMinutes(2), Duration.ofSeconds(1),
				List.of(Duration.ofSeconds(10)), Duration.ofHours(72), 0, rateLimits,
				new DeliveryProperties.CircuitBreaker(50, 4, 2, Duration.ofSeconds(30)), List.of(), 2000);
	}

}
