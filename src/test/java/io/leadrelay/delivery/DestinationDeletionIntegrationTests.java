package io.leadrelay.delivery;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.OnPostgres;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a destination while deliveries wait for it, on PostgreSQL: refused unless the
 * caller says they are given up, and then they end dead in the same transaction, for good
 * (a try in flight included), and show on their leads' timelines.
 */
@LeadRelayIntegrationTest
@OnPostgres
class DestinationDeletionIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String DESTINATION = """
			{"id":"%s","name":"Pipedrive","type":"pipedrive","credentials":{"apiToken":"pd-token"}}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeliveryQueue queue;

	@Autowired
	DeliveryResults results;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void twoDestinations() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		assertThat(admin("POST", "/api/v1/destinations", DESTINATION.formatted("pd")).statusCode()).isEqualTo(201);
		assertThat(admin("POST", "/api/v1/destinations", DESTINATION.formatted("other")).statusCode()).isEqualTo(201);
	}

	@Test
	void refusesToDeleteADestinationWhileDeliveriesWaitAndChangesNothing() throws Exception {
		delivery("930000000000001", "pd", "pending");
		delivery("930000000000002", "pd", "retrying");
		delivery("930000000000003", "pd", "delivered");

		HttpResponse<String> refused = admin("DELETE", "/api/v1/destinations/pd", null);

		assertThat(refused.statusCode()).isEqualTo(409);
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.get("waitingDeliveries").asInt()).isEqualTo(2);
		assertThat(problem.get("field").asText()).isEqualTo("waiting");
		assertThat(problem.get("detail").asText()).contains("2 deliveries waiting")
			.contains("GET /api/v1/deliveries?destination=pd")
			.contains("?waiting=dead");
		assertThat(admin("GET", "/api/v1/destinations/pd", null).statusCode()).isEqualTo(200);
		assertThat(statuses()).containsExactly("930000000000001 pending", "930000000000002 retrying",
				"930000000000003 delivered");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE action LIKE '%deleted' "
				+ "OR (subject_type = 'lead' AND action = 'delivery.dead')", String.class))
			.isEmpty();
	}

	@Test
	void givesUpTheWaitingDeliveriesWhenAskedSoThatNothingClaimsThemAgain() throws Exception {
		long pending = delivery("930000000000011", "pd", "pending");
		delivery("930000000000012", "pd", "retrying");
		delivery("930000000000013", "pd", "delivered");
		delivery("930000000000014", "pd", "dead");
		delivery("930000000000015", "other", "pending");

		assertThat(admin("DELETE", "/api/v1/destinations/pd?waiting=dead", null).statusCode()).isEqualTo(204);

		assertThat(admin("GET", "/api/v1/destinations/pd", null).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForList(
				"SELECT leadgen_id || ' ' || status || ' ' || COALESCE(last_error, '-') FROM delivery ORDER BY leadgen_id",
				String.class))
			.containsExactly("930000000000011 dead destination deleted", "930000000000012 dead destination deleted",
					"930000000000013 delivered -", "930000000000014 dead an earlier reason",
					"930000000000015 pending -");
		assertThat(this.jdbc.queryForList("SELECT actor || ' ' || action || ' ' || details FROM audit_event "
				+ "WHERE subject_type = 'lead' AND subject_id = '930000000000011'", String.class))
			.containsExactly("admin delivery.dead {\"destination\":\"pd\",\"delivery\":" + pending
					+ ",\"reason\":\"destination deleted\",\"was\":\"pending\"}");
		assertThat(this.jdbc.queryForList(
				"SELECT actor || ' ' || details FROM audit_event WHERE action = 'destination.deleted'", String.class))
			.containsExactly("admin {\"deadDeliveries\":2}");

		HttpResponse<String> replay = admin("POST", "/api/v1/deliveries/" + pending + "/replay",
				"{\"resendAsIs\":true}");
		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(400);
		assertThat(this.json.readTree(replay.body()).get("field").asText()).isEqualTo("destination");

		// Even a new destination with the same id does not bring them back.
		assertThat(admin("POST", "/api/v1/destinations", DESTINATION.formatted("pd")).statusCode()).isEqualTo(201);
		assertThat(this.queue.claim(10, Duration.ofMinutes(2))).extracting(ClaimedDelivery::leadgenId)
			.containsExactly("930000000000015");
	}

	@Test
	void keepsATryInFlightAtTheDeleteDeadWhateverItsWorkerLaterWrites() {
		delivery("930000000000021", "pd", "pending");
		delivery("930000000000022", "pd", "pending");
		List<ClaimedDelivery> claimed = this.queue.claim(10, Duration.ofMinutes(2));
		assertThat(claimed).hasSize(2);
		assertThat(admin("DELETE", "/api/v1/destinations/pd", null).statusCode()).as("in flight is waiting")
			.isEqualTo(409);

		assertThat(admin("DELETE", "/api/v1/destinations/pd?waiting=dead", null).statusCode()).isEqualTo(204);
		this.results.record(claimed.get(0), new DeliveryOutcome.Delivered("crm-1", 200, "created"), Instant.now(),
				Duration.ofMillis(40));
		this.results.record(claimed.get(1), DeliveryOutcome.Retry.transientFailure("503 from Pipedrive", 503),
				Instant.now(), Duration.ofMillis(40));

		assertThat(this.jdbc.queryForList(
				"SELECT status || ' ' || COALESCE(crm_record_id, '-') || ' ' || "
						+ "COALESCE(claimed_by, '-') || ' ' || last_error FROM delivery ORDER BY leadgen_id",
				String.class))
			.containsOnly("dead - - destination deleted while a try was in flight: the CRM may have received it");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt", Integer.class)).isZero();
		assertThat(this.queue.claim(10, Duration.ofMinutes(2))).isEmpty();
	}

	@Test
	void refusesAnUnknownWaitingChoiceNamingIt() throws Exception {
		delivery("930000000000031", "pd", "pending");
		for (String choice : List.of("keep", "refuse", "")) {
			HttpResponse<String> refused = admin("DELETE", "/api/v1/destinations/pd?waiting=" + choice, null);
			assertThat(refused.statusCode()).as(choice).isEqualTo(400);
			JsonNode problem = this.json.readTree(refused.body());
			assertThat(problem.get("field").asText()).isEqualTo("waiting");
			assertThat(problem.get("detail").asText()).contains("'dead'");
		}
		assertThat(statuses()).containsExactly("930000000000031 pending");
		assertThat(admin("GET", "/api/v1/destinations/pd", null).statusCode()).isEqualTo(200);
	}

	@Test
	void deletesADestinationWithNothingWaitingAsBefore() {
		delivery("930000000000041", "pd", "delivered");
		delivery("930000000000042", "pd", "dead");
		assertThat(admin("DELETE", "/api/v1/destinations/pd", null).statusCode()).isEqualTo(204);
		assertThat(admin("DELETE", "/api/v1/destinations/pd", null).statusCode()).isEqualTo(404);
		assertThat(statuses()).containsExactly("930000000000041 delivered", "930000000000042 dead");
		assertThat(this.jdbc.queryForList(
				"SELECT COALESCE(details, '-') FROM audit_event WHERE action = 'destination.deleted'", String.class))
			.containsExactly("-");
	}

	private long delivery(String leadgenId, String destinationId, String status) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    attempts, next_attempt_at, last_error, retry_from, created_at, updated_at)
				VALUES (?, ?, 'contacts', 1, '{}', ?, 0, ?, ?, ?, ?, ?)""", leadgenId, destinationId, status,
				List.of("pending", "retrying").contains(status) ? now.minusMinutes(1) : null,
				"dead".equals(status) ? "an earlier reason" : null, now, now, now);
		return this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ?", Long.class, leadgenId);
	}

	private List<String> statuses() {
		return this.jdbc.queryForList("SELECT leadgen_id || ' ' || status FROM delivery ORDER BY leadgen_id",
				String.class);
	}

	private HttpResponse<String> admin(String method, String path, String body) {
		return this.client.call(method, path, body, "admin", PASSWORD);
	}

}
