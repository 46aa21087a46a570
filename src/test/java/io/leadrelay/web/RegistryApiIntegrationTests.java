package io.leadrelay.web;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.destination.DestinationStatus;
import io.leadrelay.destination.Destinations;
import io.leadrelay.page.Pages;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages and destinations through the API: secrets go in, are stored encrypted, and never
 * come out. Run against H2 and PostgreSQL by subclasses.
 */
@LeadRelayIntegrationTest
abstract class RegistryApiIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String TOKEN = "EAAGm0PX4ZCpsBAPageToken123";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Pages pages;

	@Autowired
	Destinations destinations;

	@Autowired
	PasswordEncoder encoder;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@BeforeEach
	void validTokens() {
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(
				okJson("""
						{"data":{"type":"PAGE","expires_at":0,"is_valid":true,"scopes":["leads_retrieval","pages_show_list"]}}""")));
	}

	@BeforeEach
	void clean() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
	}

	@Test
	void storesAPageWithItsTokenEncryptedAndNeverShowsIt() throws Exception {
		HttpResponse<String> created = admin("POST", "/api/v1/pages",
				"{\"pageId\":\"100200300400500\",\"name\":\"Acme Leads\",\"accessToken\":\"" + TOKEN + "\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/pages/100200300400500");
		assertThat(created.body()).doesNotContain(TOKEN).contains("\"tokenStatus\":\"valid\"");
		graph.verify(
				getRequestedFor(urlPathEqualTo("/v26.0/debug_token")).withQueryParam("input_token", equalTo(TOKEN)));
		String stored = this.jdbc.queryForObject("SELECT token_ciphertext FROM page", String.class);
		assertThat(stored).startsWith("v1:test2026:").doesNotContain(TOKEN);
		assertThat(this.pages.accessToken("100200300400500")).hasValue(TOKEN);
		JsonNode list = this.json.readTree(this.client.get("/api/v1/pages", "admin", PASSWORD).body());
		assertThat(list).extracting((page) -> page.get("name").asText()).containsExactly("Acme Leads");
		assertThat(list.toString()).doesNotContain(TOKEN);
		assertThat(this.jdbc.queryForList("SELECT actor || ' ' || action FROM audit_event WHERE subject_id = ?",
				String.class, "100200300400500"))
			.containsExactly("admin page.created", "system page.token_valid");
	}

	@Test
	void renamesAPageWithoutTouchingItsTokenAndReplacesTheToken() throws Exception {
		createPage("100200300400501");
		HttpResponse<String> renamed = admin("PUT", "/api/v1/pages/100200300400501", "{\"name\":\"Renamed\"}");
		assertThat(this.json.readTree(renamed.body()).get("name").asText()).isEqualTo("Renamed");
		assertThat(this.pages.accessToken("100200300400501")).hasValue(TOKEN);
		admin("PUT", "/api/v1/pages/100200300400501", "{\"accessToken\":\"NewToken456\"}");
		assertThat(this.pages.accessToken("100200300400501")).hasValue("NewToken456");
		assertThat(admin("DELETE", "/api/v1/pages/100200300400501", null).statusCode()).isEqualTo(204);
		assertThat(this.client.get("/api/v1/pages/100200300400501", "admin", PASSWORD).statusCode()).isEqualTo(404);
	}

	@Test
	void resumesParkedLeadsWhenTheirPageIsAddedOrGetsANewToken() {
		this.jdbc.update("DELETE FROM lead_event");
		park("940000000000400", "100200300400504");
		park("940000000000401", "100200300400505");
		createPage("100200300400504");
		assertThat(leadStatus("940000000000400")).isEqualTo("received");
		assertThat(leadStatus("940000000000401")).isEqualTo("needs_token");
		createPage("100200300400505");
		park("940000000000402", "100200300400505");
		admin("PUT", "/api/v1/pages/100200300400505", "{\"name\":\"Only a new name\"}");
		assertThat(leadStatus("940000000000402")).as("a rename does not resume").isEqualTo("needs_token");
		admin("PUT", "/api/v1/pages/100200300400505", "{\"accessToken\":\"FreshToken789\"}");
		assertThat(leadStatus("940000000000401")).isEqualTo("received");
		assertThat(leadStatus("940000000000402")).isEqualTo("received");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = '940000000000401'",
				String.class))
			.containsExactly("lead.resumed");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					expired    | {"data":{"is_valid":false,"expires_at":1767225600,"scopes":[],"error":{"message":"Session has expired"}}} | needs_token    | Session has expired
					no leads   | {"data":{"is_valid":true,"expires_at":0,"scopes":["pages_show_list"]}}                                     | missing_scopes | leads_retrieval
					""")
	void showsWhatTheTokenCheckFound(String description, String debugToken, String status, String message)
			throws Exception {
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(okJson(debugToken)));
		JsonNode page = this.json.readTree(
				admin("POST", "/api/v1/pages", "{\"pageId\":\"100200300400506\",\"name\":\"P\",\"accessToken\":\"t\"}")
					.body());
		assertThat(page.get("tokenStatus").asText()).isEqualTo(status);
		assertThat(page.get("tokenMessage").asText()).contains(message);
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = '100200300400506'",
				String.class))
			.contains("page.token_" + status);
	}

	@Test
	void keepsTheVerdictWhenMetaCannotBeAskedAndChecksAgainOnDemand() throws Exception {
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(aResponse().withStatus(503)));
		JsonNode page = this.json.readTree(
				admin("POST", "/api/v1/pages", "{\"pageId\":\"100200300400507\",\"name\":\"P\",\"accessToken\":\"t\"}")
					.body());
		assertThat(page.get("tokenStatus").asText()).isEqualTo("unchecked");
		assertThat(page.get("tokenMessage").asText()).contains("could not be checked");
		validTokens();
		JsonNode checked = this.json.readTree(admin("POST", "/api/v1/pages/100200300400507/token-check", null).body());
		assertThat(checked.get("tokenStatus").asText()).isEqualTo("valid");
		assertThat(checked.get("tokenCheckedAt").asText()).isNotBlank();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					page id not numeric  | {"pageId":"acme","name":"A","accessToken":"t"}              | pageId
					name missing         | {"pageId":"1","accessToken":"t"}                            | name
					token missing        | {"pageId":"1","name":"A"}                                   | accessToken
					token with spaces    | {"pageId":"1","name":"A","accessToken":"two words"}         | accessToken
					name too long        | {"pageId":"1","name":"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn","accessToken":"t"} | name
					misspelt field       | {"pageId":"1","name":"A","accesToken":"t"}                  | accesToken
					token not a string   | {"pageId":"1","name":"A","accessToken":42}                  | accessToken
					not an object        | ["pageId"]                                                  | $
					""")
	void refusesABadPageNamingTheField(String description, String body, String field) throws Exception {
		HttpResponse<String> response = admin("POST", "/api/v1/pages", body);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("field").asText()).isEqualTo(field);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM page", Integer.class)).isZero();
	}

	@Test
	void refusesAPageTwiceAndAnUnknownPage() {
		createPage("100200300400502");
		assertThat(admin("POST", "/api/v1/pages",
				"{\"pageId\":\"100200300400502\",\"name\":\"Again\",\"accessToken\":\"t\"}")
			.statusCode()).isEqualTo(409);
		assertThat(admin("PUT", "/api/v1/pages/999", "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
		assertThat(admin("DELETE", "/api/v1/pages/999", null).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesViewersChangesToPagesButLetsThemRead() {
		this.jdbc.update("DELETE FROM app_user WHERE username = 'mia'");
		this.jdbc.update(
				"INSERT INTO app_user (username, password_hash, role, enabled, created_at) VALUES (?, ?, 'VIEWER', TRUE, ?)",
				"mia", this.encoder.encode("viewer-password"), OffsetDateTime.now());
		assertThat(this.client
			.call("POST", "/api/v1/pages", "{\"pageId\":\"1\",\"name\":\"A\",\"accessToken\":\"t\"}", "mia",
					"viewer-password")
			.statusCode()).isEqualTo(403);
		assertThat(this.client.get("/api/v1/pages", "mia", "viewer-password").statusCode()).isEqualTo(200);
	}

	@Test
	void storesADestinationWithDefaultsAndEncryptedCredentials() throws Exception {
		HttpResponse<String> created = admin("POST", "/api/v1/destinations",
				"""
						{"id":"hubspot-main","name":"HubSpot","type":"hubspot","credentials":{"accessToken":"pat-eu1-secret"}}""");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode destination = this.json.readTree(created.body());
		assertThat(destination.at("/settings/baseUrl").asText()).isEqualTo("https://api.hubapi.com");
		assertThat(destination.at("/settings/idProperty").asText()).isEqualTo("email");
		assertThat(destination.get("credentialsSet")).extracting(JsonNode::asText).containsExactly("accessToken");
		assertThat(destination.get("enabled").asBoolean()).isTrue();
		assertThat(destination.get("status").asText()).isEqualTo("active");
		assertThat(created.body()).doesNotContain("pat-eu1-secret");
		assertThat(this.jdbc.queryForObject("SELECT credentials_ciphertext FROM destination", String.class))
			.startsWith("v1:test2026:")
			.doesNotContain("pat-eu1-secret");
		assertThat(this.destinations.credentials("hubspot-main")).containsEntry("accessToken", "pat-eu1-secret");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
							unknown type             | {"id":"d","name":"D","type":"zapier"}                                                     | type
							bad id                   | {"id":"Has Spaces","name":"D","type":"route","settings":{"endpointUri":"direct:leads-to-files"}}       | id
							hubspot without token    | {"id":"d","name":"D","type":"hubspot"}                                                    | credentials.accessToken
							unknown setting          | {"id":"d","name":"D","type":"hubspot","settings":{"baseUrI":"https://x"},"credentials":{"accessToken":"t"}} | settings.baseUrI
							webhook url not http     | {"id":"d","name":"D","type":"webhook","settings":{"url":"ftp://x/y"},"credentials":{"signingSecret":"whsec_0123456789abcdefghijkl"}} | settings.url
							webhook url with password| {"id":"d","name":"D","type":"webhook","settings":{"url":"https://u:p@x.io/"},"credentials":{"signingSecret":"whsec_0123456789abcdefghijkl"}} | settings.url
							webhook short secret     | {"id":"d","name":"D","type":"webhook","settings":{"url":"https://x.io/"},"credentials":{"signingSecret":"short"}} | credentials.signingSecret
							salesforce bad field     | {"id":"d","name":"D","type":"salesforce","settings":{"authFlow":"client_credentials","externalIdField":"Email"},"credentials":{"clientId":"c","clientSecret":"s"}} | settings.externalIdField
							salesforce jwt no user   | {"id":"d","name":"D","type":"salesforce","settings":{"authFlow":"jwt_bearer","externalIdField":"Lead_Id__c"},"credentials":{"clientId":"c","privateKey":"k"}} | settings.username
							salesforce wrong flow    | {"id":"d","name":"D","type":"salesforce","settings":{"authFlow":"password","externalIdField":"Lead_Id__c"}} | settings.authFlow
							salesforce bad version   | {"id":"d","name":"D","type":"salesforce","settings":{"authFlow":"client_credentials","externalIdField":"Lead_Id__c","apiVersion":"v62"},"credentials":{"clientId":"c","clientSecret":"s"}} | settings.apiVersion
					route bad endpoint       | {"id":"d","name":"D","type":"route","settings":{"endpointUri":"not a uri"}}               | settings.endpointUri
							route not declared      | {"id":"d","name":"D","type":"route","settings":{"endpointUri":"file:/tmp/leadrelay-escape"}} | settings.endpointUri
							webhook at loopback      | {"id":"d","name":"D","type":"webhook","settings":{"url":"http://169.254.169.254/latest/meta-data"},"credentials":{"signingSecret":"whsec_0123456789abcdefghijkl"}} | settings.url
							route with credentials   | {"id":"d","name":"D","type":"route","settings":{"endpointUri":"direct:leads-to-files"},"credentials":{"token":"t"}} | credentials.token
							credential not a string  | {"id":"d","name":"D","type":"pipedrive","credentials":{"apiToken":7}}                     | credentials.apiToken
							enabled not a boolean    | {"id":"d","name":"D","type":"pipedrive","credentials":{"apiToken":"t"},"enabled":"yes"}  | enabled
							retry schedule not times | {"id":"d","name":"D","type":"route","settings":{"endpointUri":"direct:leads-to-files","retrySchedule":"10s,soon"}} | settings.retrySchedule
							retry schedule of zero   | {"id":"d","name":"D","type":"route","settings":{"endpointUri":"direct:leads-to-files","retrySchedule":"0s"}} | settings.retrySchedule
							retry horizon too long   | {"id":"d","name":"D","type":"route","settings":{"endpointUri":"direct:leads-to-files","retryHorizon":"90d"}} | settings.retryHorizon
							""")
	void refusesABadDestinationNamingTheField(String description, String body, String field) throws Exception {
		HttpResponse<String> response = admin("POST", "/api/v1/destinations", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("field").asText()).isEqualTo(field);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM destination", Integer.class)).isZero();
	}

	@Test
	void updatesADestinationAndReactivatesItWhenItsCredentialsAreReplaced() throws Exception {
		admin("POST", "/api/v1/destinations", """
				{"id":"pd","name":"Pipedrive","type":"pipedrive","credentials":{"apiToken":"old-token"}}""");
		this.destinations.markNeedsCredentials("pd", "401 from Pipedrive");
		assertThat(this.destinations.get("pd").status()).isEqualTo(DestinationStatus.NEEDS_CREDENTIALS);
		JsonNode renamed = this.json.readTree(
				admin("PUT", "/api/v1/destinations/pd", "{\"name\":\"Sales Pipedrive\",\"enabled\":false}").body());
		assertThat(renamed.get("enabled").asBoolean()).isFalse();
		assertThat(renamed.get("status").asText()).as("still waiting for new credentials")
			.isEqualTo("needs_credentials");
		assertThat(this.destinations.credentials("pd")).containsEntry("apiToken", "old-token");
		JsonNode replaced = this.json
			.readTree(admin("PUT", "/api/v1/destinations/pd", "{\"credentials\":{\"apiToken\":\"new-token\"}}").body());
		assertThat(replaced.get("status").asText()).isEqualTo("active");
		assertThat(this.destinations.credentials("pd")).containsEntry("apiToken", "new-token");
		assertThat(admin("PUT", "/api/v1/destinations/pd", "{\"type\":\"hubspot\"}").statusCode()).isEqualTo(400);
		assertThat(admin("PUT", "/api/v1/destinations/pd", "{\"credentials\":{\"apiKey\":\"x\"}}").statusCode())
			.isEqualTo(400);
		assertThat(admin("DELETE", "/api/v1/destinations/pd", null).statusCode()).isEqualTo(204);
		assertThat(admin("DELETE", "/api/v1/destinations/pd", null).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = 'pd' ORDER BY id",
				String.class))
			.containsExactly("destination.created", "destination.needs_credentials", "destination.updated",
					"destination.updated", "destination.deleted");
	}

	private void park(String leadgenId, String pageId) {
		this.jdbc.update("""
				INSERT INTO lead_event (leadgen_id, page_id, received_at, source, status, raw_value)
				VALUES (?, ?, ?, 'webhook', 'needs_token', '{}')""", leadgenId, pageId, OffsetDateTime.now());
	}

	private String leadStatus(String leadgenId) {
		return this.jdbc.queryForObject("SELECT status FROM lead_event WHERE leadgen_id = ?", String.class, leadgenId);
	}

	private void createPage(String pageId) {
		assertThat(admin("POST", "/api/v1/pages",
				"{\"pageId\":\"" + pageId + "\",\"name\":\"Page\",\"accessToken\":\"" + TOKEN + "\"}")
			.statusCode()).isEqualTo(201);
	}

	private HttpResponse<String> admin(String method, String path, String body) {
		return this.client.call(method, path, body, "admin", PASSWORD);
	}

}
