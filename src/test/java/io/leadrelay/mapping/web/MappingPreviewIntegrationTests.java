package io.leadrelay.mapping.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.pipeline.LeadStore;
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
 * {@code POST /api/v1/mappings/preview}: stored or inline mappings on stored or sample
 * leads, and nothing saved or sent.
 */
@LeadRelayIntegrationTest
class MappingPreviewIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String CONTACTS = """
			id: contacts
			destination: hubspot-main
			enabled: false
			match:
			  forms: ["700000000000011"]
			fields:
			  email:
			    answer: email
			    transforms: [trim, lower]
			    required: true
			  firstname:
			    answer: full_name
			    transforms: [{split_name: first}, title]
			  phone:
			    answer: phone_number
			    transforms: [{e164: DE}]
			  source:
			    template: "{{campaign_name}} ({{platform}})"
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeadStore leads;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void storedMappingAndLead() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		assertThat(call("/api/v1/destinations", """
				{"id":"hubspot-main","name":"CRM","type":"route","settings":{"endpointUri":"direct:leads-to-files"}}""")
			.statusCode()).isEqualTo(201);
		assertThat(this.client.call("POST", "/api/v1/mappings", "application/yaml", CONTACTS, "admin", PASSWORD)
			.statusCode()).isEqualTo(201);
		this.leads.save("100200300400500",
				new GraphLead("920000000000701", Instant.parse("2026-11-20T10:00:00Z"),
						Map.of("email", List.of(" Ana@Example.COM "), "full_name", List.of("ana maria lopez"),
								"phone_number", List.of("030 1234567")),
						"700000000000011", "Solar quote form", null, null, null, null, "238000000000044", "Spring 2026",
						"ig", false, Map.of()));
	}

	@Test
	void previewsAStoredMappingOnAStoredLead() throws Exception {
		JsonNode preview = preview("{\"mappingId\":\"contacts\",\"leadId\":\"920000000000701\"}");
		assertThat(preview.get("mappingId").asText()).isEqualTo("contacts");
		assertThat(preview.get("version").asInt()).isEqualTo(1);
		assertThat(preview.get("enabled").asBoolean()).isFalse();
		assertThat(preview.get("matches").asBoolean()).isTrue();
		assertThat(preview.get("payload")).isEqualTo(this.json.readTree("""
				{"email":"ana@example.com","firstname":"Ana Maria","phone":"+49301234567",
				 "source":"Spring 2026 (ig)"}"""));
		assertThat(preview.get("errors")).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Integer.class)).isZero();
	}

	@Test
	void previewsAnInlineMappingOnASampleLeadWithItsFieldErrors() throws Exception {
		String request = this.json.writeValueAsString(Map.of("mapping", CONTACTS, "lead",
				Map.of("answers", Map.of("full_name", List.of("Cher"), "phone_number", "12"), "metadata",
						Map.of("form_id", "700000000000099", "platform", "fb"))));
		JsonNode preview = preview(request);
		assertThat(preview.get("version").isNull()).isTrue();
		assertThat(preview.get("matches").asBoolean()).isFalse();
		assertThat(preview.get("payload"))
			.isEqualTo(this.json.readTree("{\"firstname\":\"Cher\",\"source\":\"(fb)\"}"));
		assertThat(preview.get("errors")).extracting((error) -> error.get("field").asText())
			.containsExactly("email", "phone");
		assertThat(preview.get("errors").get(0).get("message").asText())
			.isEqualTo("email is required, but the answer 'email' is empty");
	}

	@Test
	void previewsAMappingSentAsAJsonObject() throws Exception {
		JsonNode preview = preview("""
				{"mapping":{"id":"draft","destination":"anywhere","fields":{"name":{"answer":"full_name",
				  "transforms":[{"split_name":"last"},"upper"]}}},
				 "lead":{"answers":{"full_name":"Ana Maria Lopez"}}}""");
		assertThat(preview.get("payload").get("name").asText()).isEqualTo("LOPEZ");
		assertThat(preview.get("matches").asBoolean()).isTrue();
	}

	@Test
	void answersMistakesInThePreviewRequestWithTheField() throws Exception {
		assertProblem(call("/api/v1/mappings/preview", "{\"mappingId\":\"contacts\"}"), 400, "lead");
		assertProblem(
				call("/api/v1/mappings/preview",
						"{\"mappingId\":\"contacts\",\"mapping\":\"id: x\",\"leadId\":\"920000000000701\"}"),
				400, "mapping");
		assertProblem(call("/api/v1/mappings/preview", "{\"mappingId\":\"contacts\",\"leadId\":\"999\"}"), 400,
				"leadId");
		assertProblem(call("/api/v1/mappings/preview", "{\"mappingId\":\"gone\",\"leadId\":\"920000000000701\"}"), 404,
				null);
		assertProblem(
				call("/api/v1/mappings/preview",
						"{\"mappingId\":\"contacts\",\"lead\":{\"metadata\":{\"campain_name\":\"x\"}}}"),
				400, "lead.metadata.campain_name");
		assertProblem(
				call("/api/v1/mappings/preview", "{\"mappingId\":\"contacts\",\"lead\":{\"answers\":{\"email\":7}}}"),
				400, "lead.answers.email");
		JsonNode badMapping = assertProblem(
				call("/api/v1/mappings/preview",
						this.json.writeValueAsString(Map.of("mapping",
								CONTACTS.replace("[trim, lower]", "[trim, shout]"), "leadId", "920000000000701"))),
				400, "mapping.fields.email.transforms[1]");
		assertThat(badMapping.get("detail").asText()).contains("line 9").contains("unknown transform 'shout'");
	}

	@Test
	void letsAViewerPreviewButNotSave() throws Exception {
		this.jdbc.update("DELETE FROM app_user WHERE username = 'vera'");
		this.jdbc.update("INSERT INTO app_user (username, password_hash, role, enabled, created_at) "
				+ "SELECT 'vera', password_hash, 'VIEWER', TRUE, created_at FROM app_user WHERE username = 'admin'");
		assertThat(this.client
			.call("POST", "/api/v1/mappings/preview", "{\"mappingId\":\"contacts\",\"leadId\":\"920000000000701\"}",
					"vera", PASSWORD)
			.statusCode()).isEqualTo(200);
		assertThat(this.client.call("PUT", "/api/v1/mappings/contacts", "application/yaml", CONTACTS, "vera", PASSWORD)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void hidesTheValuesAStoredLeadGivesFromAViewer() throws Exception {
		TestUsers.replace(this.jdbc, "vera", "VIEWER");
		HttpResponse<String> response = this.client.call("POST", "/api/v1/mappings/preview",
				"{\"mappingId\":\"contacts\",\"leadId\":\"920000000000701\"}", "vera", TestUsers.PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode preview = this.json.readTree(response.body());
		assertThat(preview.get("payload")).isEqualTo(this.json.readTree("""
				{"email":"hidden for your role","firstname":"hidden for your role","phone":"hidden for your role",
				 "source":"hidden for your role"}"""));
		assertThat(preview.get("matches").asBoolean()).isTrue();
		assertThat(response.body()).doesNotContain("ana@example.com", "Ana Maria", "+49301234567");
	}

	@Test
	void showsAViewerWhatTheirOwnSampleLeadGives() throws Exception {
		TestUsers.replace(this.jdbc, "vera", "VIEWER");
		HttpResponse<String> response = this.client.call("POST", "/api/v1/mappings/preview",
				"{\"mappingId\":\"contacts\",\"lead\":{\"answers\":{\"email\":\"Sam@Example.com\"}}}", "vera",
				TestUsers.PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("payload").get("email").asText())
			.isEqualTo("sam@example.com");
	}

	@Test
	void refusesAViewerTheirOwnMappingOnAStoredLead() throws Exception {
		TestUsers.replace(this.jdbc, "vera", "VIEWER");
		// Its condition would tell the viewer whether the lead's email is the one
		// guessed.
		String probe = this.json.writeValueAsString(Map.of("leadId", "920000000000701", "mapping",
				Map.of("id", "probe", "destination", "anywhere", "match",
						Map.of("when", Map.of("field", "email", "equals", " Ana@Example.COM ")), "fields",
						Map.of("x", Map.of("template", "{{platform}}")))));
		HttpResponse<String> response = this.client.call("POST", "/api/v1/mappings/preview", probe, "vera",
				TestUsers.PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(this.json.readTree(response.body()).get("detail").asText()).contains("stored mapping");
		assertThat(this.client.call("POST", "/api/v1/mappings/preview", probe, "admin", PASSWORD).statusCode())
			.isEqualTo(200);
	}

	private JsonNode preview(String request) throws Exception {
		HttpResponse<String> response = call("/api/v1/mappings/preview", request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> call(String path, String body) {
		return this.client.call("POST", path, body, "admin", PASSWORD);
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode problem = this.json.readTree(response.body());
		if (field != null) {
			assertThat(problem.get("field").asText()).isEqualTo(field);
		}
		return problem;
	}

}
