package io.leadrelay.security.users;

import java.net.http.HttpResponse;
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
 * Users through the API, as an admin manages them: one-time passwords shown once, role
 * changes, disabling, password resets, the last admin kept, every change audited. Run
 * against H2 and PostgreSQL by subclasses.
 */
@LeadRelayIntegrationTest
abstract class UsersApiIntegrationTests {

	static final String ADMIN_PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String ONE_TIME_PASSWORD = "[a-hj-km-np-z2-9]{5}(-[a-hj-km-np-z2-9]{5}){3}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void onlyTheBootstrapAdmin() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
	}

	@Test
	void createsAUserWithAOneTimePasswordShownOnce() throws Exception {
		HttpResponse<String> created = admin("POST", "/api/v1/users", """
				{"username":"mia","role":"marketer"}""");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		JsonNode body = this.json.readTree(created.body());
		String password = body.get("oneTimePassword").asText();
		assertThat(password).matches(ONE_TIME_PASSWORD);
		JsonNode user = body.get("user");
		assertThat(user.get("username").asText()).isEqualTo("mia");
		assertThat(user.get("role").asText()).isEqualTo("MARKETER");
		assertThat(user.get("enabled").asBoolean()).isTrue();
		assertThat(user.get("mustChangePassword").asBoolean()).isTrue();
		assertThat(user.get("twoFactorEnabled").asBoolean()).isFalse();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/users/" + user.get("id").asLong());
		assertThat(this.encoder.matches(password, passwordHash("mia"))).isTrue();
		HttpResponse<String> read = admin("GET", "/api/v1/users/" + user.get("id").asLong(), null);
		assertThat(read.body()).doesNotContain(password).doesNotContain("password_hash").doesNotContain("$2");
		assertThat(admin("GET", "/api/v1/users", null).body()).contains("\"mia\"").doesNotContain(password);
		assertThat(auditActions("mia")).containsExactly("user.created admin");
	}

	@Test
	void acceptsAFirstPasswordTheAdminChoseButStillWantsItChanged() throws Exception {
		HttpResponse<String> created = admin("POST", "/api/v1/users", """
				{"username":"vic","role":"VIEWER","password":"correct horse battery"}""");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = this.json.readTree(created.body());
		assertThat(body.has("oneTimePassword")).isFalse();
		assertThat(body.at("/user/mustChangePassword").asBoolean()).isTrue();
		assertThat(this.encoder.matches("correct horse battery", passwordHash("vic"))).isTrue();
	}

	@Test
	void rejectsAPasswordThePolicyRefusesNamingTheField() throws Exception {
		HttpResponse<String> refused = admin("POST", "/api/v1/users", """
				{"username":"vic","role":"VIEWER","password":"short"}""");
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.get("field").asText()).isEqualTo("password");
		assertThat(problem.get("detail").asText()).isEqualTo("The password must be at least 12 characters long");
		HttpResponse<String> tooLong = admin("POST", "/api/v1/users",
				"{\"username\":\"vic\",\"role\":\"VIEWER\",\"password\":\"" + "é".repeat(40) + "\"}");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(tooLong.body()).get("field").asText()).isEqualTo("password");
		assertThat(userCount("vic")).isZero();
	}

	@Test
	void rejectsAUsernameOutsideTheRule() throws Exception {
		for (String username : new String[] { "Mia", "m", "mia smith", "-mia" }) {
			HttpResponse<String> refused = admin("POST", "/api/v1/users",
					"{\"username\":\"" + username + "\",\"role\":\"VIEWER\"}");
			assertThat(refused.statusCode()).as(username).isEqualTo(400);
			JsonNode problem = this.json.readTree(refused.body());
			assertThat(problem.get("field").asText()).isEqualTo("username");
			assertThat(problem.get("detail").asText()).contains("lower-case letters");
		}
	}

	@Test
	void rejectsAnUnknownRoleOrField() throws Exception {
		HttpResponse<String> role = admin("POST", "/api/v1/users", """
				{"username":"mia","role":"owner"}""");
		assertThat(role.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(role.body()).get("detail").asText())
			.isEqualTo("role must be one of ADMIN, MARKETER, VIEWER");
		HttpResponse<String> field = admin("POST", "/api/v1/users", """
				{"username":"mia","role":"VIEWER","email":"mia@example.com"}""");
		assertThat(field.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(field.body()).get("field").asText()).isEqualTo("email");
	}

	@Test
	void refusesASecondUserWithTheSameName() {
		assertThat(admin("POST", "/api/v1/users", "{\"username\":\"mia\",\"role\":\"VIEWER\"}").statusCode())
			.isEqualTo(201);
		HttpResponse<String> again = admin("POST", "/api/v1/users", "{\"username\":\"mia\",\"role\":\"ADMIN\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("A user named mia exists already");
		assertThat(auditActions("mia")).containsExactly("user.created admin");
	}

	@Test
	void changesARoleAndAuditsWhoDidIt() throws Exception {
		long mia = create("mia", "VIEWER");
		HttpResponse<String> changed = admin("PUT", "/api/v1/users/" + mia, "{\"role\":\"MARKETER\"}");
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(changed.body()).get("role").asText()).isEqualTo("MARKETER");
		assertThat(this.jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, mia))
			.isEqualTo("MARKETER");
		assertThat(auditActions("mia")).containsExactly("user.created admin", "user.role_changed admin");
		assertThat(this.jdbc.queryForObject(
				"SELECT details FROM audit_event WHERE action = 'user.role_changed' AND subject_id = 'mia'",
				String.class))
			.contains("\"from\":\"VIEWER\"")
			.contains("\"to\":\"MARKETER\"");
	}

	@Test
	void disablesAUserWhoIsThenRefusedAndEnablesThemAgain() throws Exception {
		long vic = create("vic", "VIEWER");
		this.jdbc.update("UPDATE app_user SET must_change_password = FALSE WHERE id = ?", vic);
		this.jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?",
				this.encoder.encode("vic's own password"), vic);
		assertThat(this.client.get("/api/v1/pages", "vic", "vic's own password").statusCode()).isEqualTo(200);

		JsonNode disabled = this.json.readTree(admin("PUT", "/api/v1/users/" + vic, "{\"enabled\":false}").body());
		assertThat(disabled.get("enabled").asBoolean()).isFalse();
		assertThat(disabled.get("disabledAt").isNull()).isFalse();
		assertThat(this.client.get("/api/v1/pages", "vic", "vic's own password").statusCode()).isEqualTo(401);

		JsonNode enabled = this.json.readTree(admin("PUT", "/api/v1/users/" + vic, "{\"enabled\":true}").body());
		assertThat(enabled.get("enabled").asBoolean()).isTrue();
		assertThat(enabled.get("disabledAt").isNull()).isTrue();
		assertThat(this.client.get("/api/v1/pages", "vic", "vic's own password").statusCode()).isEqualTo(200);
		assertThat(auditActions("vic")).containsExactly("user.created admin", "user.disabled admin",
				"user.enabled admin");
	}

	@Test
	void keepsTheLastEnabledAdmin() throws Exception {
		long admin = this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admin'", Long.class);
		HttpResponse<String> demoted = admin("PUT", "/api/v1/users/" + admin, "{\"role\":\"MARKETER\"}");
		assertThat(demoted.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(demoted.body()).get("detail").asText())
			.isEqualTo("admin is the last enabled admin: make another user an admin first");
		assertThat(admin("PUT", "/api/v1/users/" + admin, "{\"enabled\":false}").statusCode()).isEqualTo(409);

		long ada = create("ada", "ADMIN");
		admin("PUT", "/api/v1/users/" + ada, "{\"enabled\":false}");
		assertThat(admin("PUT", "/api/v1/users/" + admin, "{\"role\":\"VIEWER\"}").statusCode())
			.as("a disabled admin does not count")
			.isEqualTo(409);
		assertThat(this.jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, admin))
			.isEqualTo("ADMIN");
		assertThat(auditActions("admin")).isEmpty();

		admin("PUT", "/api/v1/users/" + ada, "{\"enabled\":true}");
		assertThat(admin("PUT", "/api/v1/users/" + ada, "{\"role\":\"VIEWER\"}").statusCode())
			.as("another enabled admin remains")
			.isEqualTo(200);
	}

	@Test
	void resetsAPasswordToANewOneTimePassword() throws Exception {
		long mia = create("mia", "MARKETER");
		this.jdbc.update("UPDATE app_user SET must_change_password = FALSE WHERE id = ?", mia);
		String before = passwordHash("mia");
		HttpResponse<String> reset = admin("POST", "/api/v1/users/" + mia + "/password-reset", null);
		assertThat(reset.statusCode()).isEqualTo(200);
		assertThat(reset.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		JsonNode body = this.json.readTree(reset.body());
		String password = body.get("oneTimePassword").asText();
		assertThat(password).matches(ONE_TIME_PASSWORD);
		assertThat(body.at("/user/mustChangePassword").asBoolean()).isTrue();
		assertThat(passwordHash("mia")).isNotEqualTo(before);
		assertThat(this.encoder.matches(password, passwordHash("mia"))).isTrue();
		assertThat(auditActions("mia")).containsExactly("user.created admin", "user.password_reset admin");
	}

	@Test
	void answersNotFoundForAnUnknownUserAndBadRequestForAnEmptyChange() {
		assertThat(admin("GET", "/api/v1/users/999999", null).statusCode()).isEqualTo(404);
		assertThat(admin("PUT", "/api/v1/users/999999", "{\"role\":\"VIEWER\"}").statusCode()).isEqualTo(404);
		assertThat(admin("POST", "/api/v1/users/999999/password-reset", null).statusCode()).isEqualTo(404);
		long mia = create("mia", "VIEWER");
		HttpResponse<String> empty = admin("PUT", "/api/v1/users/" + mia, "{}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("give a new role, enabled, or both");
	}

	@Test
	void refusesEveryoneButAdmins() {
		create("mark", "MARKETER");
		this.jdbc.update("UPDATE app_user SET must_change_password = FALSE, password_hash = ? WHERE username = 'mark'",
				this.encoder.encode("mark's own password"));
		assertThat(this.client.get("/api/v1/users", "mark", "mark's own password").statusCode()).isEqualTo(403);
		assertThat(this.client
			.call("POST", "/api/v1/users", "{\"username\":\"eve\",\"role\":\"ADMIN\"}", "mark", "mark's own password")
			.statusCode()).isEqualTo(403);
		assertThat(this.client.get("/api/v1/users").statusCode()).isEqualTo(401);
		assertThat(userCount("eve")).isZero();
	}

	private long create(String username, String role) {
		HttpResponse<String> created = admin("POST", "/api/v1/users",
				"{\"username\":\"" + username + "\",\"role\":\"" + role + "\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		return this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
	}

	private HttpResponse<String> admin(String method, String path, String body) {
		return this.client.call(method, path, body, "admin", ADMIN_PASSWORD);
	}

	private String passwordHash(String username) {
		return this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
				username);
	}

	private int userCount(String username) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username);
	}

	private List<String> auditActions(String username) {
		return this.jdbc.queryForList("""
				SELECT action || ' ' || actor FROM audit_event WHERE subject_type = 'user' AND subject_id = ?
				ORDER BY id""", String.class, username);
	}

}
