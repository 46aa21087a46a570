package io.leadrelay.alert.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leadrelay.alert.AlertCondition;
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
 * Ten deliveries to one destination turned dead within the last hour (the defaults)
 * alert; nine do not, nor do older ones, nor ten spread over two destinations; the alert
 * ends when they are replayed.
 */
@LeadRelayIntegrationTest
class DeadLettersCheckIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Destinations destinations;

	@Autowired
	DeadLettersCheck check;

	AlertRows rows;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.rows = new AlertRows(this.jdbc);
		this.destinations.create(new NewDestination("crm-a", "Sales CRM", "route",
				Map.of("endpointUri", "direct:leads-to-files"), Map.of(), true), "admin");
	}

	@Test
	void tenDeadLettersToOneDestinationWithinTheHourAlertUntilTheyAreReplayed() {
		Instant now = Instant.now();
		dead("crm-a", 9, now.minus(Duration.ofMinutes(50)));
		dead("crm-a", 5, now.minus(Duration.ofMinutes(70)));
		dead("crm-b", 1, now.minus(Duration.ofMinutes(5)));
		assertThat(this.check.check()).as("9 in the last hour; older ones and another destination's aside").isEmpty();

		List<Long> tenth = dead("crm-a", 1, now.minus(Duration.ofMinutes(1)));
		List<AlertCondition> conditions = this.check.check();
		assertThat(conditions).hasSize(1);
		AlertCondition condition = conditions.get(0);
		assertThat(condition.key()).isEqualTo("dead-letters:crm-a");
		assertThat(condition.kind()).isEqualTo("dead-letters");
		assertThat(condition.title()).isEqualTo("Dead letters pile up for Sales CRM");
		assertThat(condition.detail()).startsWith("10 leads for Sales CRM became dead letters in the last hour");
		assertThat(condition.link()).isEqualTo("/deliveries?status=dead&destination=crm-a");
		assertThat(this.check.check()).as("the same incident next round").containsExactly(condition);

		this.rows.setStatus(tenth.get(0), "pending", Instant.now());
		assertThat(this.check.check()).isEmpty();
	}

	@Test
	void aDeletedDestinationIsNamedByItsId() {
		dead("crm-gone", 10, Instant.now().minus(Duration.ofMinutes(3)));

		assertThat(this.check.check()).extracting(AlertCondition::title)
			.containsExactly("Dead letters pile up for crm-gone");
	}

	private List<Long> dead(String destinationId, int count, Instant diedAt) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(this.rows.delivery(destinationId, "dead", diedAt.minus(Duration.ofHours(3)), diedAt));
		}
		return ids;
	}

}
