package io.leadrelay.mapping.web;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mappings through the API: YAML or JSON in, versions kept, rollback, export, and clear
 * errors for what cannot be saved. Run against H2 and PostgreSQL by subclasses.
 */
@LeadRelayIntegrationTest
abstract class MappingsApiIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String YAML = "application/yaml";

	static final String CONTACTS = """
			# Solar leads to HubSpot: kept with this comment
			id: contacts
			destination: hubspot-main
			match:
			  forms: ["700000000000011"]
			fields:
			  email:
			    answer: email
			    transforms: [trim, lower]
			    required: true
			  source:
			    constant: facebook
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void destinations() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		for (String id : new String[] { "hubspot-main", "pipedrive-eu" }) {
			assertThat(call("POST", "/api/v1/destinations", "application/json", """
					{"id":"%s","name":"CRM","type":"route","settings":{"endpointUri":"direct:leads-to-files"}}"""
				.formatted(id)).statusCode()).isEqualTo(201);
		}
	}

	@Test
	void savesAYamlMappingAsItsFirstVersionKeepingItsComments() throws Exception {
		HttpResponse<String> created = call("POST", "/api/v1/mappings", YAML, CONTACTS);
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/mappings/contacts");
		JsonNode body = this.json.readTree(created.body());
		assertThat(body.get("version").asInt()).isEqualTo(1);
		assertThat(body.get("current").asBoolean()).isTrue();
		assertThat(body.get("destination").asText()).isEqualTo("hubspot-main");
		assertThat(body.get("createdBy").asText()).isEqualTo("admin");
		assertThat(body.get("definition").asText()).isEqualTo(CONTACTS);
		JsonNode list = this.json.readTree(this.client.get("/api/v1/mappings", "admin", PASSWORD).body());
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("id").asText()).isEqualTo("contacts");
		assertThat(list.get(0).get("currentVersion").asInt()).isEqualTo(1);
		assertThat(audit()).containsExactly("admin mapping.created {\"version\":1}");
	}

	@Test
	void keepsAMappingSentAsJsonAsTheSameDefinitionInYaml() throws Exception {
		HttpResponse<String> created = call("POST", "/api/v1/mappings", "application/json", """
				{"id":"contacts","destination":"hubspot-main","enabled":false,
				 "fields":{"email":{"answer":"email","transforms":["trim",{"truncate":80}],"required":true}}}""");
		assertThat(created.statusCode()).isEqualTo(201);
		HttpResponse<String> export = this.client.get("/api/v1/mappings/contacts/export", "admin", PASSWORD);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> type.startsWith(YAML));
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"contacts.yaml\"");
		assertThat(export.body()).isEqualTo("""
				id: contacts
				destination: hubspot-main
				enabled: false
				fields:
				  email:
				    answer: email
				    transforms:
				      - trim
				      - truncate: 80
				    required: true
				""");
		assertThat(this.json.readTree(created.body()).get("enabled").asBoolean()).isFalse();
	}

	@Test
	void savesEveryChangeAsANewVersionAndRollsBackToAnOldOne() throws Exception {
		call("POST", "/api/v1/mappings", YAML, CONTACTS);
		String second = CONTACTS.replace("constant: facebook", "constant: meta-ads");
		HttpResponse<String> updated = call("PUT", "/api/v1/mappings/contacts", YAML, second);
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(updated.body()).get("version").asInt()).isEqualTo(2);
		call("PUT", "/api/v1/mappings/contacts", YAML, second.replace("hubspot-main", "pipedrive-eu"));

		JsonNode versions = this.json
			.readTree(this.client.get("/api/v1/mappings/contacts/versions", "admin", PASSWORD).body());
		assertThat(versions).extracting((v) -> v.get("version").asInt()).containsExactly(3, 2, 1);
		assertThat(versions).extracting((v) -> v.get("current").asBoolean()).containsExactly(true, false, false);
		JsonNode first = this.json
			.readTree(this.client.get("/api/v1/mappings/contacts/versions/1", "admin", PASSWORD).body());
		assertThat(first.get("definition").asText()).isEqualTo(CONTACTS);
		assertThat(first.get("current").asBoolean()).isFalse();

		HttpResponse<String> rolledBack = call("POST", "/api/v1/mappings/contacts/rollback", "application/json",
				"{\"version\":1}");
		assertThat(rolledBack.statusCode()).isEqualTo(200);
		JsonNode current = this.json.readTree(this.client.get("/api/v1/mappings/contacts", "admin", PASSWORD).body());
		assertThat(current.get("version").asInt()).isEqualTo(4);
		assertThat(current.get("definition").asText()).isEqualTo(CONTACTS);
		assertThat(current.get("destination").asText()).isEqualTo("hubspot-main");
		assertThat(this.client.get("/api/v1/mappings/contacts/export?version=3", "admin", PASSWORD).body())
			.contains("destination: pipedrive-eu");
		assertThat(audit()).containsExactly("admin mapping.created {\"version\":1}",
				"admin mapping.updated {\"version\":2}", "admin mapping.updated {\"version\":3}",
				"admin mapping.rolled_back {\"version\":4,\"from_version\":1}");
	}

	@Test
	void refusesRollbacksThatCannotBeDone() throws Exception {
		call("POST", "/api/v1/mappings", YAML, CONTACTS);
		assertProblem(call("POST", "/api/v1/mappings/contacts/rollback", "application/json", "{\"version\":1}"), 400,
				"version", "version 1 is the current version of 'contacts' already");
		assertProblem(call("POST", "/api/v1/mappings/contacts/rollback", "application/json", "{\"version\":9}"), 404,
				null, "The mapping 'contacts' has no version 9");
		assertProblem(call("POST", "/api/v1/mappings/nothing/rollback", "application/json", "{\"version\":1}"), 404,
				null, "There is no mapping 'nothing'");
		assertProblem(call("POST", "/api/v1/mappings/contacts/rollback", "application/json", "{\"version\":\"1\"}"),
				400, "version", "version must be a whole number of 1 or more");
		assertProblem(call("POST", "/api/v1/mappings/contacts/rollback", "application/json", "{\"versoin\":1}"), 400,
				"versoin", "Unknown field versoin; expected one of [version]");
	}

	@Test
	void refusesABrokenDefinitionNamingItsLineAndKeyAndSavesNothing() throws Exception {
		String unknownTransform = CONTACTS.replace("[trim, lower]", "[trim, lowercase]");
		JsonNode problem = assertProblem(call("POST", "/api/v1/mappings", YAML, unknownTransform), 400,
				"fields.email.transforms[1]", null);
		assertThat(problem.get("line").asInt()).isEqualTo(9);
		assertThat(problem.get("detail").asText()).contains("unknown transform 'lowercase'");
		JsonNode notYaml = assertProblem(call("POST", "/api/v1/mappings", YAML, "id: x\nfields: [unclosed\n"), 400, "",
				null);
		assertThat(notYaml.get("detail").asText()).contains("not valid YAML");
		assertProblem(call("POST", "/api/v1/mappings", YAML, CONTACTS.replace("hubspot-main", "salesforce-x")), 400,
				"destination", "there is no destination 'salesforce-x'; add it under /api/v1/destinations first");
		assertProblem(
				call("POST", "/api/v1/mappings", YAML, CONTACTS.replace("constant: facebook", "meta: campain_name")),
				400, "fields.source.meta", null);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mapping_version", Integer.class)).isZero();
	}

	@Test
	void refusesToCreateATakenIdOrToChangeAnId() throws Exception {
		call("POST", "/api/v1/mappings", YAML, CONTACTS);
		assertProblem(call("POST", "/api/v1/mappings", YAML, CONTACTS), 409, null,
				"A mapping 'contacts' exists already: save a new version with PUT /api/v1/mappings/contacts");
		assertProblem(call("PUT", "/api/v1/mappings/contacts", YAML, CONTACTS.replace("id: contacts", "id: other")),
				400, "id", null);
		assertProblem(call("PUT", "/api/v1/mappings/other", YAML, CONTACTS.replace("id: contacts", "id: other")), 404,
				null, "There is no mapping 'other'");
		assertProblem(call("POST", "/api/v1/mappings", "application/xml", "<mapping/>"), 415, null, null);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mapping_version", Integer.class)).isEqualTo(1);
	}

	@Test
	void refusesASecondEnabledMappingForOneDestinationNamingTheOther() throws Exception {
		String callbacks = CONTACTS.replace("id: contacts", "id: callbacks")
			.replace("700000000000011", "700000000000022");
		String callbacksOff = callbacks.replace("fields:", "enabled: false\nfields:");
		assertThat(call("POST", "/api/v1/mappings", YAML, CONTACTS).statusCode()).isEqualTo(201);

		JsonNode refused = assertProblem(call("POST", "/api/v1/mappings", YAML, callbacks), 400, "destination",
				"disable 'contacts' first, or save 'callbacks' with enabled: false");
		assertThat(refused.get("conflictsWith").asText()).isEqualTo("contacts");
		assertThat(refused.get("detail").asText())
			.startsWith("the destination 'hubspot-main' takes the enabled mapping 'contacts' already");
		assertThat(call("POST", "/api/v1/mappings", YAML, callbacksOff).statusCode()).isEqualTo(201);
		assertProblem(call("PUT", "/api/v1/mappings/callbacks", YAML, callbacks), 400, "destination", null);
		assertThat(
				call("PUT", "/api/v1/mappings/callbacks", YAML, callbacksOff.replace("facebook", "meta")).statusCode())
			.as("a disabled one may change")
			.isEqualTo(200);
		assertThat(
				call("POST", "/api/v1/mappings/callbacks/rollback", "application/json", "{\"version\":1}").statusCode())
			.isEqualTo(200);

		assertThat(
				call("PUT", "/api/v1/mappings/contacts", YAML, CONTACTS.replace("fields:", "enabled: false\nfields:"))
					.statusCode())
			.isEqualTo(200);
		assertThat(call("PUT", "/api/v1/mappings/callbacks", YAML, callbacks).statusCode()).isEqualTo(200);
		assertProblem(call("POST", "/api/v1/mappings/contacts/rollback", "application/json", "{\"version\":1}"), 400,
				"destination", "disable 'callbacks' first, or save 'contacts' with enabled: false");
		assertThat(this.jdbc.queryForList(
				"SELECT id FROM mapping WHERE destination_id = 'hubspot-main' AND enabled = TRUE", String.class))
			.containsExactly("callbacks");
	}

	@Test
	void letsMarketersEditMappingsAndDestinationsAndViewersOnlyReadThem() throws Exception {
		createUser("mia", "marketer-password", "MARKETER");
		createUser("vera", "viewer-password", "VIEWER");
		assertThat(this.client.call("POST", "/api/v1/mappings", YAML, CONTACTS, "vera", "viewer-password").statusCode())
			.isEqualTo(403);
		HttpResponse<String> created = this.client.call("POST", "/api/v1/mappings", YAML, CONTACTS, "mia",
				"marketer-password");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(created.body()).get("createdBy").asText()).isEqualTo("mia");
		assertThat(this.client.get("/api/v1/mappings/contacts", "vera", "viewer-password").statusCode()).isEqualTo(200);
		assertThat(this.client.call("POST", "/api/v1/destinations", "application/json",
				"{\"id\":\"x\",\"name\":\"X\",\"type\":\"route\",\"settings\":{\"endpointUri\":\"direct:leads-to-files\"}}",
				"mia", "marketer-password")
			.statusCode()).isEqualTo(201);
		assertThat(this.client.call("POST", "/api/v1/destinations", "application/json",
				"{\"id\":\"y\",\"name\":\"Y\",\"type\":\"route\",\"settings\":{\"endpointUri\":\"direct:leads-to-files\"}}",
				"vera", "viewer-password")
			.statusCode()).isEqualTo(403);
	}

	HttpResponse<String> call(String method, String path, String contentType, String body) {
		return this.client.call(method, path, contentType, body, "admin", PASSWORD);
	}

	JsonNode assertProblem(HttpResponse<String> response, int status, String field, String detail) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode problem = this.json.readTree(response.body());
		if (field != null) {
			assertThat(problem.get("field").asText()).isEqualTo(field);
		}
		if (detail != null) {
			assertThat(problem.get("detail").asText()).endsWith(detail);
		}
		return problem;
	}

	private List<String> audit() {
		return this.jdbc.queryForList("SELECT actor || ' ' || action || ' ' || details FROM audit_event "
				+ "WHERE subject_type = 'mapping' ORDER BY id", String.class);
	}

	private void createUser(String username, String password, String role) {
		this.jdbc.update("DELETE FROM app_user WHERE username = ?", username);
		this.jdbc.update(
				"INSERT INTO app_user (username, password_hash, role, enabled, created_at) VALUES (?, ?, ?, ?, ?)",
				username, this.encoder.encode(password), role, true, OffsetDateTime.now());
	}

}
