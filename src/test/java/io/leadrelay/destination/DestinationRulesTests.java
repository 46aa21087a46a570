package io.leadrelay.destination;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.leadrelay.destination.spi.DestinationFields;
import io.leadrelay.destination.spi.DestinationType;
import io.leadrelay.destination.spi.OutboundAddresses;
import io.leadrelay.support.DestinationTypeChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The settings every destination type takes (the retry schedule and horizon), checked
 * before the type's own and stored after them, and the types known: those connectors
 * declare, every URL among their settings checked against the engine's outbound
 * addresses. Each connector's own rules are tested with it.
 */
class DestinationRulesTests {

	/** Refuses the 10.x addresses, as the network guard would. */
	private static final OutboundAddresses ADDRESSES = (url) -> url.getHost().startsWith("10.")
			? Optional.of("points at a private address (" + url.getHost() + ")") : Optional.empty();

	private final DestinationTypes types = new DestinationTypes(List.of(new Stub("route"), new Stub("hubspot")),
			ADDRESSES);

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"url":"https://x.io","retrySchedule":"10s,soon"}    | settings.retrySchedule: settings.retrySchedule must be durations such as 30s, 5m or 1h
					{"url":"https://x.io","retrySchedule":"0s"}          | settings.retrySchedule: settings.retrySchedule must list positive durations such as 30s,5m,1h
					{"url":"https://x.io","retryHorizon":"90d"}          | settings.retryHorizon: settings.retryHorizon must be between 1m and 30d
					{"retryHorizon":"90d","url":"not a url"}             | settings.retryHorizon: settings.retryHorizon must be between 1m and 30d
					{"retrySchedule":"1m,1h","url":"https://x.io"}       | {url=https://x.io, name=stub, retrySchedule=1m,1h}
					{"retryHorizon":"1h","url":"https://x.io"}           | {url=https://x.io, name=stub, retryHorizon=1h}
					{"retryHorizon":"1h","url":"ftp://x.io"}             | settings.url: settings.url must be an absolute http or https URL
					{"url":"http://10.0.0.1/hook"}                       | settings.url: settings.url points at a private address (10.0.0.1)
					{"url":"https://x.io","name":"http://10.1.2.3"}      | settings.name: settings.name points at a private address (10.1.2.3)
					""")
	void checksTheRetrySettingsFirstAndStoresThemAfterTheTypesOwn(String settings, String expected) {
		String outcome;
		try {
			outcome = DestinationRules.settings(this.types.get("route"), DestinationTypeChecks.map(settings))
				.toString();
		}
		catch (InvalidDestinationException ex) {
			outcome = ex.field() + ": " + ex.getMessage();
		}
		assertThat(outcome).isEqualTo(expected);
	}

	@Test
	void refusesAnUnknownTypeNamingTheKnownOnes() {
		assertThatExceptionOfType(InvalidDestinationException.class).isThrownBy(() -> this.types.get("zapier"))
			.withMessage("type must be one of [hubspot, route]")
			.extracting(InvalidDestinationException::field)
			.isEqualTo("type");
		assertThatExceptionOfType(InvalidDestinationException.class).isThrownBy(() -> this.types.get(null))
			.withMessage("type must be one of [hubspot, route]");
	}

	@Test
	void refusesTwoConnectorsDeclaringOneType() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new DestinationTypes(List.of(new Stub("route"), new Stub("route")), ADDRESSES))
			.withMessageStartingWith("Two connectors declare the destination type route");
	}

	/** A type taking a URL and a name with a default, and no credentials. */
	private record Stub(String code) implements DestinationType {

		@Override
		public Map<String, String> settings(Map<String, String> given) {
			return DestinationFields.settings(given, Set.of("url", "name"))
				.withDefault("name", "stub")
				.url("url")
				.values();
		}

		@Override
		public void checkCredentials(Map<String, String> settings, Map<String, String> credentials) {
			DestinationFields.credentials(credentials, Set.of());
		}

	}

}
