package io.leadrelay.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.ApiSetup;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.GraphBatchStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Find, export and erase one person on the whole engine: a signed webhook, WireMock as
 * the Graph API serving Ana's answers and as HubSpot taking her contact, then the privacy
 * API. After the erasure no text column of any table holds her email, name or phone
 * number, the counts stay, and neither a Meta resend nor a new lead of hers is stored.
 */
@LeadRelayIntegrationTest
@TestPropertySource(properties = { "leadrelay.pipeline.enabled=true", "leadrelay.delivery.enabled=true",
		"leadrelay.pipeline.poll-interval=200ms", "leadrelay.delivery.poll-interval=200ms" })
class PersonErasureIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String ANA = "920000000000991";

	static final List<String> ANA_WORDS = List.of("ana@example.com", "müller");

	static final List<String> ANA_DIGITS = List.of("15123456789");

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void graphAndMappings(DynamicPropertyRegistry registry) {
		registry.add("leadrelay.graph.base-url", graph::baseUrl);
		registry.add("leadrelay.mapping.directory", PersonErasureIntegrationTests::mappingDirectory);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void anasLeadIsDeliveredToHubSpot() {
		TableCleaner.deleteAllButMappings(this.jdbc, "hubspot-contacts");
		graph.resetAll();
		hubspot.resetAll();
		this.client = new WebhookClient(this.port);
		ApiSetup.stubValidPageToken(graph);
		stubLead(ANA, " Ana@Example.com ", "+49 151 2345-6789");
		hubspot.stubFor(post("/crm/v3/objects/contacts/batch/upsert").willReturn(okJson("""
				{"status":"COMPLETE","results":[{"id":"512","new":true,"objectWriteTraceId":"leadrelay-%s-hubspot-main",
				  "properties":{"email":"ana@example.com"},"createdAt":"2026-11-23T10:00:01Z",
				  "updatedAt":"2026-11-23T10:00:01Z","archived":false}],
				 "startedAt":"2026-11-23T10:00:01Z","completedAt":"2026-11-23T10:00:01Z"}""".formatted(ANA))));
		ApiSetup.addHubSpot(this.client, "HubSpot sales", hubspot.baseUrl(),
				"pat-na1-11111111-2222-3333-4444-555555555555");
		ApiSetup.addPage(this.client, "Acme Solar", "EAAG-1");
		assertThat(this.client.postSigned(LeadRelayIntegrationTest.APP_SECRET, LeadgenPayloads.notification(ANA))
			.statusCode()).isEqualTo(200);
		try {
			await().atMost(Duration.ofSeconds(15))
				.alias("Ana's lead delivered")
				.until(() -> this.jdbc
					.queryForList("SELECT status FROM delivery WHERE leadgen_id = ?", String.class, ANA)
					.contains("delivered"));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError(this.jdbc.queryForList("SELECT status, last_error FROM lead_event") + " "
					+ this.jdbc.queryForList("SELECT status, last_error FROM delivery") + " "
					+ this.jdbc.queryForList("SELECT * FROM mapping"), ex);
		}
		// What a person's values can leave beyond the answers and the payload: a hand
		// edit, a CRM's error quoting her, a remembered Pipedrive person.
		long delivery = this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ?", Long.class, ANA);
		this.jdbc.update(
				"""
						INSERT INTO delivery_payload_edit (delivery_id, edited_at, edited_by, previous_payload, new_payload, reason)
						VALUES (?, CURRENT_TIMESTAMP, 'admin', '{"email":"ana@exmple.com"}', '{"email":"ana@example.com"}',
						    'Ana Müller typed her email wrong')""",
				delivery);
		this.jdbc.update("UPDATE delivery_attempt SET message = 'HubSpot: contact ANA@EXAMPLE.COM (+4915123456789) "
				+ "merged' WHERE delivery_id = ?", delivery);
		this.jdbc.update("UPDATE delivery SET last_error = 'earlier: ana@example.com was refused' WHERE id = ?",
				delivery);
		this.jdbc.update("""
				INSERT INTO pipedrive_person (destination_id, email_key, person_id, created_at)
				VALUES ('pipedrive-main', ?, 77, CURRENT_TIMESTAMP)""", PersonExport.emailKey("ana@example.com"));
	}

	@Test
	void exportsEveryStoredRecordOfThePersonFoundByAnyWritingOfTheirPhoneNumber() throws Exception {
		for (String phone : List.of("+49 151 2345-6789", "0049 151 23456789", "+4915123456789")) {
			HttpResponse<String> export = apiGet("/api/v1/privacy/export?phone=" + encode(phone));
			assertThat(export.statusCode()).as(phone).isEqualTo(200);
			assertThat(export.headers().firstValue("Content-Disposition")).get()
				.asString()
				.startsWith("attachment; filename=\"leadrelay-export-phone-");
			JsonNode lead = this.json.readTree(export.body()).path("leads").path(0);
			assertThat(lead.path("leadgenId").asText()).isEqualTo(ANA);
		}
		JsonNode document = this.json.readTree(apiGet("/api/v1/privacy/export?email=%20ANA@example.com").body());
		JsonNode lead = document.path("leads").path(0);
		assertThat(lead.path("lead").path("answers").path("email").path(0).asText()).isEqualTo(" Ana@Example.com ");
		assertThat(lead.path("lead").path("form_id").asText()).isEqualTo(LeadgenPayloads.FORM_ID);
		assertThat(lead.path("lead").has("personal_data_removed_at")).isTrue();
		assertThat(lead.path("events").path(0).path("status").asText()).isEqualTo("mapped");
		JsonNode delivery = lead.path("deliveries").path(0);
		assertThat(delivery.path("payload").path("email").asText()).isEqualTo("ana@example.com");
		assertThat(delivery.path("crm_record_id").asText()).isEqualTo("512");
		assertThat(delivery.path("attempts").path(0).path("message").asText()).contains("ANA@EXAMPLE.COM");
		assertThat(delivery.path("payloadEdits").path(0).path("new_payload").path("email").asText())
			.isEqualTo("ana@example.com");
		assertThat(lead.path("audit").findValuesAsText("action")).contains("lead_event.received", "lead.mapped");
		assertThat(document.path("pipedrivePersons").path(0).path("person_id").asInt()).isEqualTo(77);
		assertThat(document.path("suppressed").asBoolean()).isFalse();
	}

	@Test
	void answersNotFoundWhenNoStoredLeadMatches() throws Exception {
		HttpResponse<String> export = apiGet("/api/v1/privacy/export?email=nobody@example.com");
		assertThat(export.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(export.body()).path("detail").asText())
			.isEqualTo("No stored lead matches this email: LeadRelay holds no lead about them");
	}

	@Test
	void erasureRemovesEveryValueFromEveryTableAndKeepsTheCounts() throws Exception {
		assertThat(PersonalDataScan.find(this.jdbc, ANA_WORDS, ANA_DIGITS)).hasSizeGreaterThan(5);
		List<Integer> counts = counts();
		JsonNode erased = erase("{\"email\":\"ana@example.com\",\"deleteInCrms\":false}");
		assertThat(erased.path("result").path("leads").asInt()).isEqualTo(1);
		assertThat(erased.path("result").path("deliveries").asInt()).isEqualTo(1);
		assertThat(erased.path("leftToOperator").path(0).path("destinationName").asText()).isEqualTo("HubSpot sales");
		assertThat(erased.path("leftToOperator").path(0).path("crmRecordId").asText()).isEqualTo("512");
		assertThat(erased.path("leftToOperator").path(0).path("outcome").asText()).isEqualTo("LEFT_TO_OPERATOR");

		assertThat(PersonalDataScan.columns(this.jdbc)).isGreaterThan(50);
		assertThat(PersonalDataScan.find(this.jdbc, ANA_WORDS, ANA_DIGITS)).isEmpty();
		assertThat(counts()).isEqualTo(counts);
		assertThat(
				this.jdbc.queryForMap("SELECT answers, personal_data_removed_by FROM lead WHERE leadgen_id = ?", ANA))
			.containsValues("{}", "erasure");
		assertThat(this.jdbc.queryForObject("SELECT status FROM delivery WHERE leadgen_id = ?", String.class, ANA))
			.isEqualTo("delivered");
		assertThat(this.jdbc.queryForObject("SELECT message FROM delivery_attempt", String.class))
			.isEqualTo("HubSpot: contact [removed] ([removed]) merged");
		String audit = this.jdbc.queryForObject("SELECT details FROM audit_event WHERE action = 'person.erased'",
				String.class);
		assertThat(audit).contains("\"searchedBy\":\"email\"", "\"leads\":1", "\"crmLEFT_TO_OPERATOR\":1");

		// Erasing again is harmless: by email nothing is found any more (her search terms
		// are gone); by the lead's id it is found, already erased, and no CRM is asked
		// again.
		JsonNode byEmail = erase("{\"email\":\"ana@example.com\",\"deleteInCrms\":true}");
		assertThat(byEmail.path("result").path("leads").asInt()).isZero();
		assertThat(apiGet("/api/v1/privacy/export?email=ana@example.com").body()).contains("\"suppressed\":true");
		JsonNode byLead = erase("{\"leadgenId\":\"" + ANA + "\",\"deleteInCrms\":true}");
		assertThat(byLead.path("result").path("alreadyErased").asInt()).isEqualTo(1);
		assertThat(byLead.path("result").path("crm").size()).isZero();
		assertThat(byLead.path("message").asText()).contains("already erased before");
		assertThat(counts()).isEqualTo(counts);
		assertThat(PersonalDataScan.find(this.jdbc, ANA_WORDS, ANA_DIGITS)).isEmpty();
	}

	@Test
	void anErasedLeadIsNeitherReprocessedNorReplayedSoNothingEmptyReachesTheCrm() throws Exception {
		erase("{\"leadgenId\":\"" + ANA + "\",\"deleteInCrms\":false}");
		long delivery = this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ?", Long.class, ANA);
		int callsBefore = hubspot.getAllServeEvents().size();

		HttpResponse<String> reprocess = this.client.call("POST", "/api/v1/leads/" + ANA + "/reprocess", "{}", "admin",
				PASSWORD);
		HttpResponse<String> remapped = this.client.call("POST", "/api/v1/deliveries/" + delivery + "/replay", "{}",
				"admin", PASSWORD);
		HttpResponse<String> asIs = this.client.call("POST", "/api/v1/deliveries/" + delivery + "/replay",
				"{\"resendAsIs\":true}", "admin", PASSWORD);

		assertThat(reprocess.statusCode()).as(reprocess.body()).isBetween(400, 499);
		assertThat(reprocess.body()).contains("no longer stored");
		assertThat(remapped.statusCode()).as(remapped.body()).isEqualTo(400);
		assertThat(asIs.statusCode()).as(asIs.body()).isEqualTo(400);
		assertThat(asIs.body()).contains("was removed").contains("resendAsIs");
		assertThat(this.jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, delivery))
			.isEqualTo("delivered");
		assertThat(hubspot.getAllServeEvents()).hasSize(callsBefore);
	}

	@Test
	void erasureDiscardsADeliveryWaitingForItsRetrySoNothingEmptyReachesTheCrm() throws Exception {
		long delivery = this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = ?", Long.class, ANA);
		this.jdbc.update("UPDATE delivery SET status = 'retrying', next_attempt_at = ? WHERE id = ?",
				OffsetDateTime.now().plusHours(1), delivery);
		int callsBefore = hubspot.getAllServeEvents().size();
		erase("{\"email\":\"ana@example.com\",\"deleteInCrms\":false}");
		// Were it still waiting, its retry now falls due and the queue would send it.
		this.jdbc.update("UPDATE delivery SET next_attempt_at = ? WHERE id = ? AND status = 'retrying'",
				OffsetDateTime.now().minusMinutes(1), delivery);
		// The queue polls every 200 ms: HubSpot must get nothing for several of its
		// rounds.
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> hubspot.getAllServeEvents().size() == callsBefore);
		assertThat(this.jdbc.queryForMap(
				"SELECT status, discarded_by, discard_reason, next_attempt_at, payload FROM delivery WHERE id = ?",
				delivery))
			.containsEntry("STATUS", "discarded")
			.containsEntry("DISCARDED_BY", "admin")
			.containsEntry("DISCARD_REASON", ErasureWrites.DISCARD_REASON)
			.containsEntry("NEXT_ATTEMPT_AT", null)
			.containsEntry("PAYLOAD", "{}");
	}

	@Test
	void refusesTheErasureWhileADeliveryIsBeingSentAndChangesNothing() throws Exception {
		this.jdbc.update("UPDATE delivery SET status = 'in_flight', claimed_by = 'other-engine', claimed_until = ?"
				+ " WHERE leadgen_id = ?", OffsetDateTime.now().plusMinutes(5), ANA);
		int callsBefore = hubspot.getAllServeEvents().size();
		HttpResponse<String> refused = apiPost("{\"email\":\"ana@example.com\",\"deleteInCrms\":true}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(this.json.readTree(refused.body()).path("detail").asText()).contains("being sent")
			.contains("try again in a minute");
		assertThat(this.jdbc.queryForObject("SELECT answers FROM lead WHERE leadgen_id = ?", String.class, ANA))
			.contains("Ana@Example.com");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM suppression", Integer.class)).isZero();
		assertThat(hubspot.getAllServeEvents()).hasSize(callsBefore);
	}

	@Test
	void anErasedPersonIsNotStoredAgainNeitherResentNorAsANewLeadWithTheirEmail() throws Exception {
		erase("{\"phone\":\"0049 151 23456789\",\"deleteInCrms\":false}");
		stubLead("920000000000992", "ANA@example.com", "+44 7911 123456");
		JsonNode unknown = erase("{\"leadgenId\":\"920000000000993\",\"deleteInCrms\":false}");
		assertThat(unknown.path("result").path("leads").asInt()).isZero();
		assertThat(unknown.path("message").asText()).startsWith("No stored lead matched")
			.contains("will not store a lead");
		stubLead("920000000000993", "someone@example.com", "+44 7911 654321");

		this.client.postSigned(LeadRelayIntegrationTest.APP_SECRET,
				LeadgenPayloads.notification(List.of(ANA, "920000000000992", "920000000000993")));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc
				.queryForList("SELECT status FROM lead_event WHERE leadgen_id <> ? ORDER BY leadgen_id", String.class,
						ANA)
				.equals(List.of("suppressed", "suppressed")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"SELECT details FROM audit_event WHERE action = 'lead.suppressed' ORDER BY subject_id", String.class))
			.containsExactly("{\"message\":\"lead suppressed (erased person)\"}",
					"{\"message\":\"lead suppressed (erased person)\"}");
		graph.verify(0, getRequestedFor(urlPathEqualTo("/v26.0/920000000000993")));
		assertThat(PersonalDataScan.find(this.jdbc, ANA_WORDS, ANA_DIGITS)).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT key_hash FROM suppression", String.class))
			.allMatch((hash) -> hash.matches("[0-9a-f]{64}"));
	}

	@Test
	void refusesARequestWithoutExactlyOneValidKeyNamingTheField() throws Exception {
		assertProblem(apiGet("/api/v1/privacy/export"), "email");
		assertProblem(apiGet("/api/v1/privacy/export?email=a@example.com&phone=%2B491512345678"), "phone");
		assertProblem(apiGet("/api/v1/privacy/export?email=not-an-email"), "email");
		assertProblem(apiGet("/api/v1/privacy/export?phone=0151%202345678"), "phone");
		assertProblem(apiGet("/api/v1/privacy/export?phone=call%20me"), "phone");
		assertProblem(apiGet("/api/v1/privacy/export?leadgenId=92x"), "leadgenId");
		assertProblem(apiPost("{\"email\":\"ana@example.com\"}"), "deleteInCrms");
		assertProblem(apiPost("{\"leadgenId\":\"1\",\"phone\":\"+491512345678\",\"deleteInCrms\":true}"), "leadgenId");
		assertProblem(apiPost("{\"mail\":\"ana@example.com\",\"deleteInCrms\":true}"), "mail");
		assertThat(this.jdbc.queryForObject("SELECT answers FROM lead WHERE leadgen_id = ?", String.class, ANA))
			.contains("Ana@Example.com");
	}

	private void assertProblem(HttpResponse<String> response, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).path("field").asText()).isEqualTo(field);
	}

	private List<Integer> counts() {
		return List.of("lead", "lead_event", "delivery", "delivery_attempt", "delivery_payload_edit")
			.stream()
			.map((table) -> this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class))
			.toList();
	}

	private JsonNode erase(String body) throws Exception {
		HttpResponse<String> response = apiPost(body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> apiPost(String body) {
		return this.client.call("POST", "/api/v1/privacy/erasures", body, "admin", PASSWORD);
	}

	private HttpResponse<String> apiGet(String path) {
		return this.client.get(path, "admin", PASSWORD);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void stubLead(String leadgenId, String email, String phone) {
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + leadgenId)).willReturn(okJson("""
				{"id":"%s","created_time":"2026-11-23T10:00:00+0000","form_id":"700000000000011",
				 "ad_name":"Solar DE","campaign_name":"Spring 2026","platform":"fb","is_organic":false,
				 "field_data":[{"name":"full_name","values":["ana MÜLLER"]},{"name":"email","values":["%s"]},
				   {"name":"phone_number","values":["%s"]}]}""".formatted(leadgenId, email, phone))));
	}

	private static String mappingDirectory() {
		try {
			Path directory = Files.createTempDirectory("mappings");
			Files.writeString(directory.resolve("contacts.yaml"), """
					id: hubspot-contacts
					destination: hubspot-main
					match:
					  forms: ["700000000000011"]
					fields:
					  email: {answer: email, transforms: [trim, lower], required: true}
					  firstname: {answer: full_name, transforms: [{split_name: first}, title]}
					  lastname: {answer: full_name, transforms: [{split_name: last}, title]}
					  phone: {answer: phone_number, transforms: [{e164: DE}]}
					""");
			return directory.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
