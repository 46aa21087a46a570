package io.leadrelay.pipeline.web;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.leadrelay.pipeline.web.ReprocessFixtures.FORM;
import static io.leadrelay.pipeline.web.ReprocessFixtures.OTHER_FORM;
import static io.leadrelay.pipeline.web.ReprocessFixtures.delivery;
import static io.leadrelay.pipeline.web.ReprocessFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reprocessing leads through the API: one lead or all a filter matches, with the count
 * first; what it does to each status and to the deliveries a lead already has; who may.
 */
@LeadRelayIntegrationTest
class ReprocessApiIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String CONTACTS = """
			id: contacts
			destination: crm-a
			match:
			  forms: ["%s"]
			fields:
			  email: {answer: email, required: true}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void destinationAndMapping() {
		TableCleaner.deleteAll(this.jdbc);
		this.client = new WebhookClient(this.port);
		for (String id : new String[] { "crm-a", "crm-b" }) {
			admin("POST", "/api/v1/destinations", "application/json", """
					{"id":"%s","name":"CRM","type":"hubspot","credentials":{"accessToken":"pat-eu1-x"}}"""
				.formatted(id));
		}
		admin("POST", "/api/v1/mappings", "application/yaml", CONTACTS.formatted(FORM));
	}

	@Test
	void mapsAFilteredLeadOnceItsMappingIsFixedAndQueuesItsDelivery() throws Exception {
		lead(this.jdbc, "910000000000001", OTHER_FORM, "filtered", "ana@example.com");

		JsonNode still = reprocess("910000000000001");
		assertThat(still.get("status").asText()).isEqualTo("filtered");
		assertThat(still.get("destinations")).isEmpty();
		assertThat(still.get("summary").asText()).contains("still no mapping takes it");

		admin("PUT", "/api/v1/mappings/contacts", "application/yaml", CONTACTS.formatted(FORM + "\", \"" + OTHER_FORM));
		JsonNode mapped = reprocess("910000000000001");
		assertThat(mapped.get("previousStatus").asText()).isEqualTo("filtered");
		assertThat(mapped.get("status").asText()).isEqualTo("mapped");
		assertThat(mapped.at("/destinations/0/destination").asText()).isEqualTo("crm-a");
		assertThat(mapped.at("/destinations/0/result").asText()).isEqualTo("QUEUED");
		assertThat(mapped.get("summary").asText()).contains("queued for crm-a");

		Map<String, Object> delivery = this.jdbc
			.queryForMap("SELECT status, mapping_version, payload FROM delivery WHERE leadgen_id = '910000000000001'");
		assertThat(delivery.get("STATUS")).isEqualTo("pending");
		assertThat(delivery.get("MAPPING_VERSION")).isEqualTo(2);
		assertThat(this.json.readTree((String) delivery.get("PAYLOAD")).get("email").asText())
			.isEqualTo("ana@example.com");
		assertThat(status("910000000000001")).isEqualTo("mapped");
		assertThat(this.jdbc.queryForList("""
				SELECT actor || ' ' || details FROM audit_event
				WHERE action = 'lead.reprocessed' AND subject_id = '910000000000001' ORDER BY id""", String.class))
			.hasSize(2)
			.allSatisfy((entry) -> assertThat(entry).startsWith("admin ").doesNotContain("ana@example.com"))
			.last()
			.satisfies((entry) -> assertThat(entry).contains("\"to\":\"mapped\"").contains("\"queued\":1"));
	}

	@Test
	void countsThenReprocessesEveryLeadAFilterMatchesAndSaysWhichCouldNotBe() throws Exception {
		admin("PUT", "/api/v1/mappings/contacts", "application/yaml", CONTACTS.formatted(FORM + "\", \"" + OTHER_FORM));
		lead(this.jdbc, "910000000000011", OTHER_FORM, "filtered", "a@example.com");
		lead(this.jdbc, "910000000000012", OTHER_FORM, "filtered", "b@example.com");
		lead(this.jdbc, "910000000000013", OTHER_FORM, "filtered", null);
		lead(this.jdbc, "910000000000014", FORM, "filtered", "c@example.com");
		lead(this.jdbc, "910000000000015", OTHER_FORM, "received", null);

		assertThat(count("status=filtered&formId=" + OTHER_FORM)).isEqualTo(3);
		assertThat(count("formId=" + OTHER_FORM)).as("without a status: every lead that can be reprocessed")
			.isEqualTo(3);

		HttpResponse<String> response = this.client.call("POST", "/api/v1/leads/reprocess",
				"{\"status\":\"filtered\",\"formId\":\"" + OTHER_FORM + "\"}", "admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = this.json.readTree(response.body());
		assertThat(result.get("matched").asInt()).isEqualTo(3);
		assertThat(result.get("reprocessed").asInt()).isEqualTo(2);
		assertThat(result.get("nowMapped").asInt()).isEqualTo(2);
		assertThat(result.get("more").asBoolean()).isFalse();
		assertThat(result.at("/failed/0/leadgenId").asText()).isEqualTo("910000000000013");
		assertThat(result.at("/failed/0/reason").asText()).contains("no longer stored");

		assertThat(count("status=filtered&formId=" + OTHER_FORM)).isEqualTo(1);
		assertThat(status("910000000000014")).as("another form: not taken").isEqualTo("filtered");
		assertThat(status("910000000000015")).isEqualTo("received");
		assertThat(this.jdbc.queryForList("SELECT leadgen_id FROM delivery ORDER BY leadgen_id", String.class))
			.containsExactly("910000000000011", "910000000000012");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "received", "enriching", "needs_token" })
	void refusesALeadThatIsStillOnItsWay(String status) throws Exception {
		lead(this.jdbc, "910000000000021", FORM, status, null);
		HttpResponse<String> response = this.client.call("POST", "/api/v1/leads/910000000000021/reprocess", null,
				"admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
		assertThat(this.json.readTree(response.body()).get("detail").asText()).contains("910000000000021")
			.containsAnyOf("still being processed", "waiting for its page's access token");
		assertThat(status("910000000000021")).isEqualTo(status);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'lead.reprocessed'",
				Long.class))
			.isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					count of a status that cannot be | GET  | /api/v1/leads/reprocess/count?status=received |                                   | status
					count of an unknown status       | GET  | /api/v1/leads/reprocess/count?status=lost     |                                   | status
					count with a bad form id         | GET  | /api/v1/leads/reprocess/count?formId=x        |                                   | formId
					count with a bad day             | GET  | /api/v1/leads/reprocess/count?from=yesterday  |                                   | from
					bulk of a status that cannot be  | POST | /api/v1/leads/reprocess                       | {"status":"needs_token"}          | status
					bulk with an unknown field       | POST | /api/v1/leads/reprocess                       | {"form":"1"}                      | form
					bulk without a filter            | POST | /api/v1/leads/reprocess                       | {}                                | $
					bulk after a bad id              | POST | /api/v1/leads/reprocess                       | {"status":"failed","after":"x"}   | after
					one lead with a bad id           | POST | /api/v1/leads/abc/reprocess                   |                                   | leadgenId
					""")
	void answersBadInputWith400NamingTheField(String description, String method, String path, String body, String field)
			throws Exception {
		HttpResponse<String> response = "GET".equals(method) ? this.client.get(path, "admin", PASSWORD)
				: this.client.call(method, path, body, "admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("field").asText()).isEqualTo(field);
	}

	@Test
	void takesATestLeadsIdWhereItTakesALeadsId() throws Exception {
		HttpResponse<String> bulk = this.client.call("POST", "/api/v1/leads/reprocess",
				"{\"status\":\"mapped\",\"after\":\"test-0123456789abcdef\"}", "admin", PASSWORD);
		assertThat(bulk.statusCode()).as("a bulk run's next cursor may be a test lead's id: " + bulk.body())
			.isEqualTo(200);
		HttpResponse<String> one = this.client.call("POST", "/api/v1/leads/test-0123456789abcdef/reprocess", null,
				"admin", PASSWORD);
		assertThat(one.statusCode()).as(one.body()).isEqualTo(404);
	}

	@Test
	void answersAnUnknownLeadWith404() {
		HttpResponse<String> response = this.client.call("POST", "/api/v1/leads/910000000000099/reprocess", null,
				"admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(response.body()).contains("No lead 910000000000099 was received");
	}

	@Test
	void letsAViewerCountButNotReprocess() {
		TestUsers.replace(this.jdbc, "vera", "VIEWER");
		lead(this.jdbc, "910000000000031", OTHER_FORM, "filtered", "v@example.com");
		assertThat(this.client.call("POST", "/api/v1/leads/910000000000031/reprocess", null, "vera", TestUsers.PASSWORD)
			.statusCode()).isEqualTo(403);
		assertThat(this.client
			.call("POST", "/api/v1/leads/reprocess", "{\"status\":\"filtered\"}", "vera", TestUsers.PASSWORD)
			.statusCode()).isEqualTo(403);
		assertThat(this.client.get("/api/v1/leads/reprocess/count?status=filtered", "vera", TestUsers.PASSWORD)
			.statusCode()).isEqualTo(200);
		TestUsers.replace(this.jdbc, "mark", "MARKETER");
		assertThat(this.client.call("POST", "/api/v1/leads/910000000000031/reprocess", null, "mark", TestUsers.PASSWORD)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void sendsAFailedLeadBackToBeFetchedFromMetaAgain() throws Exception {
		lead(this.jdbc, "910000000000041", FORM, "failed", null);
		JsonNode outcome = reprocess("910000000000041");
		assertThat(outcome.get("status").asText()).isEqualTo("received");
		assertThat(outcome.get("summary").asText()).contains("fetched from Meta again");
		Map<String, Object> event = this.jdbc.queryForMap(
				"SELECT status, attempts, last_error, next_attempt_at FROM lead_event WHERE leadgen_id = '910000000000041'");
		assertThat(event).containsEntry("STATUS", "received")
			.containsEntry("ATTEMPTS", 0)
			.containsEntry("LAST_ERROR", null)
			.containsEntry("NEXT_ATTEMPT_AT", null);
		assertThat(this.jdbc.queryForObject(
				"SELECT details FROM audit_event WHERE action = 'lead.reprocessed' AND subject_id = '910000000000041'",
				String.class))
			.contains("\"from\":\"failed\"", "\"to\":\"received\"");
	}

	@Test
	void replaysADeadDeliveryWithTheNewPayloadAndLeavesADeliveredOneAlone() throws Exception {
		admin("POST", "/api/v1/mappings", "application/yaml", """
				id: sales
				destination: crm-b
				fields:
				  contact: {answer: email, required: true}
				""");
		lead(this.jdbc, "910000000000051", FORM, "mapped", "dana@example.com");
		long dead = delivery(this.jdbc, "910000000000051", "crm-a", "contacts", "dead", "{\"email\":\"old\"}");
		long delivered = delivery(this.jdbc, "910000000000051", "crm-b", "sales", "delivered",
				"{\"contact\":\"dana@example.com\"}");
		Map<String, Object> before = this.jdbc.queryForMap("SELECT * FROM delivery WHERE id = ?", delivered);

		JsonNode outcome = reprocess("910000000000051");
		assertThat(outcome.get("status").asText()).isEqualTo("mapped");
		assertThat(outcome.get("summary").asText()).contains("sent again to crm-a with the new fields")
			.contains("already delivered to crm-b, left alone");

		Map<String, Object> replayed = this.jdbc.queryForMap(
				"SELECT status, payload, mapping_version, last_error, payload_revision FROM delivery WHERE id = ?",
				dead);
		assertThat(replayed.get("STATUS")).isEqualTo("pending");
		assertThat(this.json.readTree((String) replayed.get("PAYLOAD")).get("email").asText())
			.isEqualTo("dana@example.com");
		assertThat(replayed.get("LAST_ERROR")).isNull();
		assertThat(replayed.get("PAYLOAD_REVISION")).isEqualTo(2);
		assertThat(this.jdbc.queryForMap("SELECT * FROM delivery WHERE id = ?", delivered)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'delivery.replayed' AND actor = 'admin'", Long.class))
			.isOne();
	}

	@Test
	void leavesADeadDeliveryDeadWhenTheMappingStillCannotMapTheLead() throws Exception {
		lead(this.jdbc, "910000000000061", FORM, "mapped", null);
		this.jdbc.update("""
				INSERT INTO lead (leadgen_id, page_id, form_id, answers, enriched_at)
				VALUES ('910000000000061', '100200300400500', ?, '{"full_name":["No Email"]}', CURRENT_TIMESTAMP)""",
				FORM);
		long dead = delivery(this.jdbc, "910000000000061", "crm-a", "contacts", "dead", "{}");
		JsonNode outcome = reprocess("910000000000061");
		assertThat(outcome.at("/destinations/0/result").asText()).isEqualTo("NOT_MAPPED");
		assertThat(outcome.get("summary").asText()).contains("could not be mapped for crm-a");
		assertThat(this.jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, dead))
			.isEqualTo("dead");
	}

	@Test
	void reportsADeadDeliveryOfAMappingThatIsGoneInsteadOfFailingTheLead() throws Exception {
		lead(this.jdbc, "910000000000071", FORM, "mapped", "eve@example.com");
		long dead = delivery(this.jdbc, "910000000000071", "crm-a", "retired", "dead", "{}");
		JsonNode outcome = reprocess("910000000000071");
		assertThat(outcome.at("/destinations/0/result").asText()).isEqualTo("NOT_MAPPED");
		assertThat(outcome.at("/destinations/0/detail").asText()).contains("'retired' no longer exists");
		assertThat(this.jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, dead))
			.isEqualTo("dead");
	}

	private JsonNode reprocess(String leadgenId) throws Exception {
		HttpResponse<String> response = this.client.call("POST", "/api/v1/leads/" + leadgenId + "/reprocess", null,
				"admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private long count(String query) throws Exception {
		HttpResponse<String> response = this.client.get("/api/v1/leads/reprocess/count?" + query, "admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).get("count").asLong();
	}

	private String status(String leadgenId) {
		return this.jdbc.queryForObject("SELECT status FROM lead_event WHERE leadgen_id = ?", String.class, leadgenId);
	}

	private void admin(String method, String path, String contentType, String body) {
		HttpResponse<String> response = this.client.call(method, path, contentType, body, "admin", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
	}

}
