package io.leadrelay.delivery.web;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/deliveries/{id}/discard} and {@code PUT
 * /api/v1/deliveries/{id}/payload}: a dead letter discarded with a reason, or its payload
 * edited (kept beside the original) and queued again; bad input answered 400 naming the
 * field; viewers refused; every change audited without the payload's content. The
 * delivery engine is off: a resent delivery stays queued.
 */
@LeadRelayIntegrationTest
class DeliveryEditsApiIntegrationTests {

	static final String ORIGINAL = "{\"email\":\"ana@example.com\",\"phone\":\"\"}";

	static final String FIXED = "{\"email\":\"ana@example.com\",\"phone\":\"+49301234567\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void destinationAndUsers() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		TestUsers.replace(this.jdbc, "mia", "MARKETER");
		TestUsers.replace(this.jdbc, "vic", "VIEWER");
		HttpResponse<String> created = this.client.call("POST", "/api/v1/destinations", """
				{"id":"crm-hook","name":"CRM","type":"webhook","settings":{"url":"http://127.0.0.1:9/leads"},
				 "credentials":{"signingSecret":"whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz"}}""", "admin",
				LeadRelayIntegrationTest.ADMIN_PASSWORD);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@Test
	void discardsADeadLetterWithItsReasonAndStopsCountingIt() throws Exception {
		long id = delivery("920000000000901", "dead");
		JsonNode discarded = ok(mia("POST", "/api/v1/deliveries/" + id + "/discard",
				"{\"reason\":\"  a test lead from the agency  \"}"));
		assertThat(discarded.get("status").asText()).isEqualTo("discarded");
		assertThat(discarded.get("discarded").get("reason").asText()).isEqualTo("a test lead from the agency");
		assertThat(discarded.get("discarded").get("by").asText()).isEqualTo("mia");

		assertThat(ok(mia("GET", "/api/v1/deliveries?status=discarded", null)).get("totalItems").asInt()).isOne();
		assertThat(ok(mia("GET", "/api/v1/deliveries?status=dead", null)).get("totalItems").asInt()).isZero();
		assertThat(mia("GET", "/deliveries/badge", null).body()).doesNotContain("dead letters");
		assertThat(audit("delivery.discarded")).singleElement()
			.satisfies((details) -> assertThat(this.json.readTree(details))
				.isEqualTo(this.json.readTree("{\"destination\":\"crm-hook\",\"delivery\":" + id
						+ ",\"reason\":\"a test lead from the agency\"}")));
		assertThat(mia("POST", "/api/v1/deliveries/" + id + "/replay", "{}").statusCode())
			.as("a discarded delivery is not sent again")
			.isEqualTo(409);
	}

	@Test
	void refusesADiscardWithoutAReasonOrOfADeliveryThatIsNotDead() throws Exception {
		long dead = delivery("920000000000902", "dead");
		long delivered = delivery("920000000000903", "delivered");
		problem(mia("POST", "/api/v1/deliveries/" + dead + "/discard", "{\"reason\":\"  \"}"), 400, "reason");
		problem(mia("POST", "/api/v1/deliveries/" + dead + "/discard", "{}"), 400, "reason");
		problem(mia("POST", "/api/v1/deliveries/" + dead + "/discard", "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400,
				"reason");
		problem(mia("POST", "/api/v1/deliveries/" + delivered + "/discard", "{\"reason\":\"dup\"}"), 400, "status");
		assertThat(mia("POST", "/api/v1/deliveries/999999/discard", "{\"reason\":\"dup\"}").statusCode())
			.isEqualTo(404);
		assertThat(status(dead)).isEqualTo("dead");
		assertThat(audit("delivery.discarded")).isEmpty();
	}

	@Test
	void editsThePayloadKeepsTheOriginalBesideItAndQueuesANewRevision() throws Exception {
		long id = delivery("920000000000904", "dead");
		JsonNode edited = ok(mia("PUT", "/api/v1/deliveries/" + id + "/payload",
				"{\"payload\":" + FIXED + ",\"reason\":\"phone from the sales call\"}"));
		assertThat(edited.get("status").asText()).isEqualTo("pending");
		assertThat(edited.get("payloadRevision").asInt()).isEqualTo(2);

		JsonNode detail = ok(mia("GET", "/api/v1/deliveries/" + id, null));
		assertThat(detail.get("payload")).isEqualTo(this.json.readTree(FIXED));
		assertThat(detail.get("edits")).singleElement().satisfies((edit) -> {
			assertThat(edit.get("previousPayload")).isEqualTo(this.json.readTree(ORIGINAL));
			assertThat(edit.get("newPayload")).isEqualTo(this.json.readTree(FIXED));
			assertThat(edit.get("editedBy").asText()).isEqualTo("mia");
			assertThat(edit.get("reason").asText()).isEqualTo("phone from the sales call");
		});
		assertThat(audit("delivery.payload_edited")).singleElement()
			.satisfies((details) -> assertThat(this.json.readTree(details)).isEqualTo(this.json.readTree("""
					{"destination":"crm-hook","delivery":%d,"reason":"phone from the sales call",
					 "fields_changed":["phone"]}""".formatted(id))));
		assertThat(audit("delivery.replayed")).hasSize(1);
		assertThat(this.jdbc.queryForList("SELECT details FROM audit_event", String.class))
			.as("no payload content in the audit trail")
			.noneMatch((details) -> details != null
					&& (details.contains("ana@example.com") || details.contains("+49301234567")));

		JsonNode masked = ok(this.client.get("/api/v1/deliveries/" + id, "vic", TestUsers.PASSWORD));
		assertThat(masked.get("edits").get(0).get("previousPayload").get("email").asText())
			.isEqualTo("hidden for your role");
		assertThat(masked.get("edits").get(0).get("newPayload").get("phone").asText())
			.isEqualTo("hidden for your role");
	}

	@Test
	void keepsAnEditWithoutSendingWhenAskedNotTo() throws Exception {
		long id = delivery("920000000000905", "dead");
		JsonNode edited = ok(mia("PUT", "/api/v1/deliveries/" + id + "/payload",
				"{\"payload\":" + FIXED + ",\"reason\":\"fix first, send later\",\"resend\":false}"));
		assertThat(edited.get("status").asText()).isEqualTo("dead");
		assertThat(audit("delivery.replayed")).isEmpty();
	}

	@Test
	void refusesAnEditThatIsNotAJsonObjectHasNoReasonOrChangesNothing() throws Exception {
		long dead = delivery("920000000000906", "dead");
		long pending = delivery("920000000000907", "pending");
		String path = "/api/v1/deliveries/" + dead + "/payload";
		problem(mia("PUT", path, "{\"payload\":\"email=ana\",\"reason\":\"r\"}"), 400, "payload");
		problem(mia("PUT", path, "{\"payload\":[1,2],\"reason\":\"r\"}"), 400, "payload");
		problem(mia("PUT", path, "{\"reason\":\"r\"}"), 400, "payload");
		problem(mia("PUT", path, "{\"payload\":" + FIXED + ",\"reason\":\"\"}"), 400, "reason");
		problem(mia("PUT", path, "{\"payload\":" + ORIGINAL + ",\"reason\":\"same\"}"), 400, "payload");
		problem(mia("PUT", path, "{\"payload\":" + FIXED + ",\"reason\":\"r\",\"resend\":\"yes\"}"), 400, "resend");
		problem(mia("PUT", "/api/v1/deliveries/" + pending + "/payload",
				"{\"payload\":" + FIXED + ",\"reason\":\"r\"}"), 400, "status");
		assertThat(mia("PUT", "/api/v1/deliveries/999999/payload", "{\"payload\":" + FIXED + ",\"reason\":\"r\"}")
			.statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery_payload_edit", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT payload FROM delivery WHERE id = ?", String.class, dead))
			.isEqualTo(ORIGINAL);
	}

	@Test
	void refusesViewersTheChanges() {
		long id = delivery("920000000000908", "dead");
		assertThat(this.client
			.call("POST", "/api/v1/deliveries/" + id + "/discard", "{\"reason\":\"r\"}", "vic", TestUsers.PASSWORD)
			.statusCode()).isEqualTo(403);
		assertThat(this.client
			.call("PUT", "/api/v1/deliveries/" + id + "/payload", "{\"payload\":" + FIXED + ",\"reason\":\"r\"}", "vic",
					TestUsers.PASSWORD)
			.statusCode()).isEqualTo(403);
		assertThat(status(id)).isEqualTo("dead");
	}

	long delivery(String leadgenId, String status) {
		Timestamp now = Timestamp.from(Instant.parse("2026-11-20T10:00:00Z"));
		this.jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    attempts, last_error, created_at, updated_at, retry_from)
				VALUES (?, 'crm-hook', 'contacts', 1, ?, ?, 1, ?, ?, ?, ?)""", leadgenId, ORIGINAL, status,
				"dead".equals(status) ? "The webhook answered 422: phone is required" : null, now, now, now);
		return this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ?", Long.class, leadgenId);
	}

	String status(long id) {
		return this.jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, id);
	}

	List<String> audit(String action) {
		return this.jdbc.queryForList("SELECT details FROM audit_event WHERE action = ? ORDER BY id", String.class,
				action);
	}

	HttpResponse<String> mia(String method, String path, String body) {
		if ("GET".equals(method)) {
			return this.client.get(path, "mia", TestUsers.PASSWORD);
		}
		return this.client.call(method, path, body, "mia", TestUsers.PASSWORD);
	}

	JsonNode ok(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	void problem(HttpResponse<String> response, int status, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(this.json.readTree(response.body()).path("field").asText()).as(response.body()).isEqualTo(field);
	}

}
