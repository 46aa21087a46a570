package io.leadrelay.alert.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * A lead waiting more than 15 minutes (the default) to be delivered alerts, once for all
 * destinations, until it is delivered; one waiting for a disabled destination, or one
 * whose credentials were refused, does not.
 */
@LeadRelayIntegrationTest
class OldestUndeliveredCheckIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Destinations destinations;

	@Autowired
	OldestUndeliveredCheck check;

	AlertRows rows;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.rows = new AlertRows(this.jdbc);
		this.destinations.create(route("crm-a", "Sales CRM"), "admin");
		this.destinations.create(route("crm-b", "Support CRM"), "admin");
	}

	@Test
	void aLeadWaitingLongerThanFifteenMinutesAlertsUntilItIsDelivered() {
		Instant now = Instant.now();
		this.rows.delivery("crm-a", "delivered", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(2)));
		this.rows.delivery("crm-a", "dead", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
		this.rows.delivery("crm-b", "pending", now.minus(Duration.ofMinutes(1)), now.minus(Duration.ofMinutes(1)));
		long retrying = this.rows.delivery("crm-b", "retrying", now.minus(Duration.ofMinutes(14)), now);
		assertThat(this.check.check()).as("14 minutes").isEmpty();

		this.rows.setStatus(retrying, "delivered", now);
		long late = this.rows.delivery("crm-b", "in_flight", now.minus(Duration.ofMinutes(17)), now);
		List<AlertCondition> conditions = this.check.check();
		assertThat(conditions).hasSize(1);
		AlertCondition condition = conditions.get(0);
		assertThat(condition.key()).isEqualTo("oldest-undelivered");
		assertThat(condition.kind()).isEqualTo("oldest-undelivered");
		assertThat(condition.title()).isEqualTo("Leads are late: waiting longer than 15 minutes to be delivered");
		assertThat(condition.detail())
			.startsWith("The oldest lead waiting to be sent (to Support CRM) has waited 17 minutes")
			.contains("2 deliveries wait in all");
		assertThat(condition.link()).isEqualTo("/deliveries");
		assertThat(this.check.check()).as("the same incident next round")
			.extracting(AlertCondition::key)
			.containsExactly("oldest-undelivered");

		this.rows.setStatus(late, "delivered", Instant.now());
		assertThat(this.check.check()).isEmpty();
	}

	@Test
	void leadsWaitingForADestinationThatMayNotReceiveDoNotAlert() {
		Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
		this.rows.delivery("crm-a", "pending", anHourAgo, anHourAgo);
		this.rows.delivery("crm-b", "retrying", anHourAgo, anHourAgo);
		this.destinations.update("crm-a", new DestinationChange(null, null, null, false), "admin");
		this.destinations.markNeedsCredentials("crm-b", "HTTP 401");

		assertThat(this.check.check()).isEmpty();
	}

	private static NewDestination route(String id, String name) {
		return new NewDestination(id, name, "route", Map.of("endpointUri", "direct:leads-to-files"), Map.of(), true);
	}

}
