package io.leadrelay.alert.checks;

import java.util.Map;

import io.leadrelay.alert.AlertCondition;
import io.leadrelay.destination.DestinationChange;
import io.leadrelay.destination.Destinations;
import io.leadrelay.destination.NewDestination;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination whose CRM refused its credentials alerts until new ones are saved; one
 * condition per destination, none for a disabled one.
 */
@LeadRelayIntegrationTest
class DestinationCredentialsCheckIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Destinations destinations;

	@Autowired
	DestinationCredentialsCheck check;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.destinations.create(hubspot("hubspot-main", "HubSpot (main)", true), "admin");
		this.destinations.create(hubspot("hubspot-eu", "HubSpot (EU)", true), "admin");
	}

	@Test
	void alertsPerDestinationWhileItsCredentialsAreRefusedAndStopsOnceNewOnesAreSaved() {
		assertThat(this.check.check()).isEmpty();

		this.destinations.markNeedsCredentials("hubspot-main", "HTTP 401: invalid token");

		AlertCondition condition = single();
		assertThat(condition.key()).isEqualTo("destination-credentials:hubspot-main");
		assertThat(condition.kind()).isEqualTo("destination-credentials");
		assertThat(condition.title()).isEqualTo("HubSpot (main) refuses its credentials");
		assertThat(condition.detail()).contains("save new credentials");
		assertThat(condition.link()).isEqualTo("/destinations/hubspot-main");
		assertThat(single()).as("the same incident next round").isEqualTo(condition);

		this.destinations.markNeedsCredentials("hubspot-eu", "HTTP 401: invalid token");
		assertThat(this.check.check()).extracting(AlertCondition::key)
			.containsExactlyInAnyOrder("destination-credentials:hubspot-main", "destination-credentials:hubspot-eu");

		this.destinations.update("hubspot-main",
				new DestinationChange(null, null, Map.of("accessToken", "pat-na1-new-token"), null), "admin");
		assertThat(this.check.check()).extracting(AlertCondition::key)
			.containsExactly("destination-credentials:hubspot-eu");
	}

	@Test
	void aDisabledDestinationDoesNotAlert() {
		this.destinations.markNeedsCredentials("hubspot-eu", "HTTP 401: invalid token");
		this.destinations.update("hubspot-eu", new DestinationChange(null, null, null, false), "admin");

		assertThat(this.check.check()).isEmpty();
	}

	private AlertCondition single() {
		assertThat(this.check.check()).hasSize(1);
		return this.check.check().get(0);
	}

	private static NewDestination hubspot(String id, String name, boolean enabled) {
		return new NewDestination(id, name, "hubspot", Map.of("baseUrl", "https://api.hubapi.com"),
				Map.of("accessToken", "pat-na1-11111111-2222-3333-4444-555555555555"), enabled);
	}

}
