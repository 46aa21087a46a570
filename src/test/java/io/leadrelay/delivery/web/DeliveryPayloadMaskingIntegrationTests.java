package io.leadrelay.delivery.web;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;

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
 * {@code GET /api/v1/deliveries/{id}}: the payload holds the lead's personal data, so a
 * viewer reads its field names with each value hidden; admins and marketers read it all.
 */
@LeadRelayIntegrationTest
class DeliveryPayloadMaskingIntegrationTests {

	private static final String PAYLOAD = "{\"email\":\"ana@example.com\",\"firstname\":\"Ana\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	long deliveryId;

	@BeforeEach
	void deliveryAndUsers() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		TestUsers.replace(this.jdbc, "marketer", "MARKETER");
		TestUsers.replace(this.jdbc, "viewer", "VIEWER");
		Timestamp now = Timestamp.from(Instant.parse("2026-11-20T10:00:00Z"));
		this.jdbc.update("""
				INSERT INTO delivery (leadgen_id, destination_id, mapping_id, mapping_version, payload, status,
				    created_at, updated_at)
				VALUES ('920000000000701', 'hubspot-main', 'contacts', 1, ?, 'dead', ?, ?)""", PAYLOAD, now, now);
		this.deliveryId = this.jdbc.queryForObject("SELECT id FROM delivery", Long.class);
	}

	@Test
	void hidesThePayloadsValuesFromAViewer() throws Exception {
		JsonNode detail = get("viewer", TestUsers.PASSWORD);
		assertThat(detail.get("payload")).isEqualTo(
				this.json.readTree("{\"email\":\"hidden for your role\",\"firstname\":\"hidden for your role\"}"));
		assertThat(detail.get("delivery").get("leadgenId").asText()).isEqualTo("920000000000701");
	}

	@Test
	void showsThePayloadToAdminsAndMarketers() throws Exception {
		assertThat(get("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD).get("payload"))
			.isEqualTo(this.json.readTree(PAYLOAD));
		assertThat(get("marketer", TestUsers.PASSWORD).get("payload")).isEqualTo(this.json.readTree(PAYLOAD));
	}

	private JsonNode get(String user, String password) throws Exception {
		HttpResponse<String> response = this.client.get("/api/v1/deliveries/" + this.deliveryId, user, password);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
