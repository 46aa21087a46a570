package io.leadrelay.pipeline.web;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read the leads API, and how it answers bad requests.
 */
@LeadRelayIntegrationTest
// A context of its own: it checks what the engine wrote at its first start, which other
// tests empty the tables of.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:leads-api;DB_CLOSE_DELAY=-1")
class LeadsApiIntegrationTests {

	static final String ADMIN_PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void client() {
		this.client = new WebhookClient(this.port);
	}

	@Test
	void createsTheAdminUserAtFirstStartWithABcryptHash() {
		assertThat(this.jdbc.queryForList("SELECT username FROM app_user WHERE username = 'admin'", String.class))
			.hasSize(1);
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'admin'",
				String.class);
		assertThat(hash).startsWith("$2a$").doesNotContain(ADMIN_PASSWORD);
		assertThat(this.jdbc.queryForObject("SELECT role FROM app_user WHERE username = 'admin'", String.class))
			.isEqualTo("ADMIN");
		assertThat(this.jdbc.queryForList(
				"SELECT action FROM audit_event WHERE subject_type = 'user' AND subject_id = 'admin' AND action = 'user.created'",
				String.class))
			.containsExactly("user.created");
	}

	@Test
	void refusesAnonymousCallersWithProblemJson() throws Exception {
		HttpResponse<String> response = this.client.get("/api/v1/leads");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("Bearer").contains("Basic realm="));
		assertThat(this.json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
	}

	@Test
	void refusesAWrongPassword() {
		assertThat(this.client.get("/api/v1/leads", "admin", "not-the-password").statusCode()).isEqualTo(401);
	}

	@Test
	void letsAViewerRead() {
		createUser("vera", "viewer-password", "VIEWER", true);
		assertThat(this.client.get("/api/v1/leads", "vera", "viewer-password").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesADisabledUser() {
		createUser("gone", "gone-password", "ADMIN", false);
		assertThat(this.client.get("/api/v1/leads", "gone", "gone-password").statusCode()).isEqualTo(401);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			page below zero   | page=-1            | page
			size zero         | size=0             | size
			size too large    | size=201           | size
			unknown status    | status=lost        | status
			leadgen id text   | leadgenId=abc      | leadgenId
			page id injection | pageId=1%27%20OR%201=1 | pageId
			form id text      | formId=x           | formId
			""")
	void answersBadParametersWith400NamingTheParameter(String description, String query, String field)
			throws Exception {
		HttpResponse<String> response = this.client.get("/api/v1/leads?" + query, "admin", ADMIN_PASSWORD);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("field").asText()).isEqualTo(field);
		assertThat(problem.get("detail").asText()).contains(field);
	}

	@Test
	void answersAParameterOfTheWrongTypeWithProblemJson() throws Exception {
		HttpResponse<String> response = this.client.get("/api/v1/leads?page=first", "admin", ADMIN_PASSWORD);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asText()).contains("page");
	}

	private void createUser(String username, String password, String role, boolean enabled) {
		this.jdbc.update("DELETE FROM app_user WHERE username = ?", username);
		this.jdbc.update(
				"INSERT INTO app_user (username, password_hash, role, enabled, created_at) VALUES (?, ?, ?, ?, ?)",
				username, this.encoder.encode(password), role, enabled, OffsetDateTime.now());
	}

}
