package io.leadrelay.delivery;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadrelay.delivery.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The delivery engine end to end: a signed Meta webhook, the lead served by WireMock as
 * the Graph API, a mapping, and WireMock as the CRM behind a signed-webhook destination:
 * outages, throttling, refusals, replay and paused credentials. Run on H2 and PostgreSQL.
 */
abstract class DeliveryEngineIntegrationTests extends DeliveryEngineTestSupport {

	@Test
	void deliversASignedWebhookLeadToTheCrmWithAVerifiableSignature() throws Exception {
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(202)));
		lead("920000000000801", "Ana@Example.com");
		awaitStatus("920000000000801", "delivered");

		ServeEvent request = crm.getAllServeEvents().get(0);
		String body = request.getRequest().getBodyAsString();
		String id = request.getRequest().getHeader("webhook-id");
		long timestamp = Long.parseLong(request.getRequest().getHeader("webhook-timestamp"));
		assertThat(id).isEqualTo("leadrelay-920000000000801-crm-hook");
		assertThat(request.getRequest().getHeader("webhook-signature"))
			.isEqualTo(WebhookSignature.sign(SIGNING_SECRET, id, timestamp, body));
		JsonNode event = this.json.readTree(body);
		assertThat(event.get("type").asText()).isEqualTo("lead.created");
		assertThat(event.get("data")).isEqualTo(this.json.readTree(
				"""
						{"leadgen_id":"920000000000801","fields":{"email":"ana@example.com","campaign":"Spring 2026"},"is_test":false}"""));
		assertThat(attempts("920000000000801")).containsExactly("delivered 202");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = '920000000000801' "
				+ "AND subject_type = 'lead' ORDER BY id", String.class))
			.containsExactly("lead_event.received", "lead.enriching", "delivery.pending", "lead.mapped",
					"delivery.delivered");
	}

	@Test
	void retriesWhileTheCrmIsDownAndDeliversEveryLeadOnce() {
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(503).withBody("maintenance")));
		List<String> leads = List.of("920000000000811", "920000000000812", "920000000000813");
		leads.forEach((lead) -> lead(lead, "x" + lead + "@example.com"));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> leads.stream().allMatch((lead) -> attempts(lead).contains("failed 503")));
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(200)));
		leads.forEach((lead) -> awaitStatus(lead, "delivered"));

		Map<String, Long> accepted = crm.getAllServeEvents()
			.stream()
			.filter((event) -> event.getResponse().getStatus() == 200)
			.collect(Collectors.groupingBy((event) -> event.getRequest().getHeader("webhook-id"),
					Collectors.counting()));
		assertThat(accepted).containsOnlyKeys(leads.stream().map((lead) -> "leadrelay-" + lead + "-crm-hook").toList())
			.allSatisfy((key, count) -> assertThat(count).isOne());
		assertThat(this.jdbc.queryForObject("SELECT last_error FROM delivery WHERE leadgen_id = ?", String.class,
				"920000000000811"))
			.isNull();
	}

	@Test
	void ridesOutA429StormWithoutBurningAttemptsOrDuplicatingLeads() {
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
		List<String> leads = List.of("920000000000821", "920000000000822", "920000000000823", "920000000000824");
		leads.forEach((lead) -> lead(lead, "x" + lead + "@example.com"));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> leads.stream().allMatch((lead) -> attempts(lead).size() >= 2));
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(200)));
		leads.forEach((lead) -> awaitStatus(lead, "delivered"));

		for (String lead : leads) {
			List<String> attempts = attempts(lead);
			assertThat(attempts.subList(0, attempts.size() - 1)).containsOnly("throttled 429");
			assertThat(attempts.get(attempts.size() - 1)).isEqualTo("delivered 200");
			assertThat(
					this.jdbc.queryForObject("SELECT attempts FROM delivery WHERE leadgen_id = ?", Integer.class, lead))
				.isOne();
		}
		assertThat(crm.getAllServeEvents()
			.stream()
			.filter((event) -> event.getResponse().getStatus() == 200)
			.map((event) -> event.getRequest().getHeader("webhook-id"))).doesNotHaveDuplicates().hasSize(leads.size());
	}

	@Test
	void sendsARefusedLeadToTheDeadLettersAndDeliversItWhenTheFixedMappingIsReplayed() throws Exception {
		crm.stubFor(
				post("/leads").willReturn(aResponse().withStatus(422).withBody("{\"error\":\"phone is required\"}")));
		crm.stubFor(post("/leads").withRequestBody(matchingJsonPath("$.data.fields.phone"))
			.willReturn(aResponse().withStatus(201)));
		lead("920000000000831", "ana@example.com");
		awaitStatus("920000000000831", "dead");
		JsonNode dead = this.json.readTree(
				this.client.get("/api/v1/deliveries?status=dead&destination=crm-hook&error=PHONE", "admin", PASSWORD)
					.body());
		assertThat(dead.get("totalItems").asInt()).isOne();
		JsonNode delivery = dead.get("items").get(0);
		assertThat(delivery.get("lastError").asText())
			.isEqualTo("The webhook answered 422: {\"error\":\"phone is required\"}");
		assertThat(delivery.get("attempts").asInt()).isOne();

		String fixed = CONTACTS.replace("fields:",
				"fields:\n  phone: {answer: phone_number, transforms: [{e164: DE}]}");
		assertThat(this.client.call("PUT", "/api/v1/mappings/contacts", "application/yaml", fixed, "admin", PASSWORD)
			.statusCode()).isEqualTo(200);
		try {
			HttpResponse<String> replay = this.client.call("POST",
					"/api/v1/deliveries/" + delivery.get("id").asLong() + "/replay", "{}", "admin", PASSWORD);
			assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
			awaitStatus("920000000000831", "delivered");
			JsonNode detail = this.json.readTree(
					this.client.get("/api/v1/deliveries/" + delivery.get("id").asLong(), "admin", PASSWORD).body());
			assertThat(detail.get("payload").get("phone").asText()).isEqualTo("+49301234567");
			assertThat(detail.get("delivery").get("mappingVersion").asInt()).isEqualTo(2);
			assertThat(detail.get("attempts")).extracting((attempt) -> attempt.get("outcome").asText())
				.containsExactly("rejected", "delivered");
			assertThat(crm.getAllServeEvents()).extracting((event) -> event.getRequest().getHeader("webhook-id"))
				.as("a receiver dropping repeats by webhook-id must not drop the corrected lead")
				.containsExactlyInAnyOrder("leadrelay-920000000000831-crm-hook",
						"leadrelay-920000000000831-crm-hook-r2");
			assertThat(this.jdbc.queryForList(
					"SELECT actor || ' ' || action FROM audit_event WHERE action = 'delivery.replayed'", String.class))
				.containsExactly("admin delivery.replayed");
		}
		finally {
			this.client.call("POST", "/api/v1/mappings/contacts/rollback", "{\"version\":1}", "admin", PASSWORD);
		}
	}

	@Test
	void refusesAReplayTheCurrentMappingCannotMapOrWhoseMappingIsGoneAndSaysWhatToDo() throws Exception {
		crm.stubFor(post("/strict").willReturn(aResponse().withStatus(422).withBody("{\"error\":\"no\"}")));
		admin("POST", "/api/v1/destinations", """
				{"id":"crm-strict","name":"Strict CRM","type":"webhook","settings":{"url":"%s/strict"},
				 "credentials":{"signingSecret":"%s"}}""".formatted(crm.baseUrl(), SIGNING_SECRET));
		String strict = """
				id: strict
				destination: crm-strict
				match:
				  forms: ["700000000000035"]
				fields:
				  email: {answer: email, required: true}
				""";
		admin("POST", "/api/v1/mappings", "application/yaml", strict);
		lead("920000000000835", "ana@example.com", "700000000000035");
		// The strict CRM's delivery: the lead's other one (crm-hook, 404 here) may die
		// first.
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc
				.queryForList("SELECT status FROM delivery WHERE leadgen_id = '920000000000835' "
						+ "AND destination_id = 'crm-strict'", String.class)
				.contains("dead"));
		long id = this.jdbc.queryForObject(
				"SELECT id FROM delivery WHERE leadgen_id = '920000000000835' AND destination_id = 'crm-strict'",
				Long.class);
		String replay = "/api/v1/deliveries/" + id + "/replay";

		admin("PUT", "/api/v1/mappings/strict", "application/yaml",
				strict + "  company: {answer: company_name, required: true}\n");
		HttpResponse<String> unmappable = this.client.call("POST", replay, "{}", "admin", PASSWORD);
		assertThat(unmappable.statusCode()).as(unmappable.body()).isEqualTo(400);
		JsonNode problem = this.json.readTree(unmappable.body());
		assertThat(problem.get("field").asText()).isEqualTo("mapping");
		assertThat(problem.get("detail").asText()).startsWith("The current mapping still cannot map this lead")
			.contains("company");

		// A delivery whose mapping has since gone (renamed, or removed from the
		// database).
		this.jdbc.update("UPDATE delivery SET mapping_id = 'retired' WHERE id = ?", id);
		HttpResponse<String> orphan = this.client.call("POST", replay, "{}", "admin", PASSWORD);
		assertThat(orphan.statusCode()).as(orphan.body()).isEqualTo(400);
		problem = this.json.readTree(orphan.body());
		assertThat(problem.get("field").asText()).isEqualTo("resendAsIs");
		assertThat(problem.get("detail").asText()).contains("'retired' no longer exists");
		assertThat(this.jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, id))
			.isEqualTo("dead");

		crm.stubFor(post("/strict").willReturn(aResponse().withStatus(200)));
		HttpResponse<String> asIs = this.client.call("POST", replay, "{\"resendAsIs\":true}", "admin", PASSWORD);
		assertThat(asIs.statusCode()).as(asIs.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "delivered"
				.equals(this.jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, id)));
	}

	@Test
	void keepsTheLeadsEventTimeAndWebhookIdOnEveryTryAndOnAReplayOfTheSamePayload() throws Exception {
		crm.stubFor(post("/leads").inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		crm.stubFor(
				post("/leads").inScenario("outage").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
		lead("920000000000871", "ana@example.com");
		awaitStatus("920000000000871", "delivered");
		long id = this.jdbc.queryForObject("SELECT id FROM delivery WHERE leadgen_id = '920000000000871'", Long.class);
		replay(id, "{\"resendAsIs\":true}");
		await().atMost(Duration.ofSeconds(15)).until(() -> crm.getAllServeEvents().size() == 3);
		awaitStatus("920000000000871", "delivered");
		replay(id, "{}");
		await().atMost(Duration.ofSeconds(15)).until(() -> crm.getAllServeEvents().size() == 4);

		List<LoggedRequest> tries = crm.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
			.toList();
		assertThat(tries).extracting(this::payloadTimestamp)
			.as("the payload's timestamp is when the lead was submitted (created_time), on every try")
			.containsOnly("2026-11-20T10:00:00Z");
		assertThat(tries).extracting((request) -> request.getHeader("webhook-id"))
			.as("a retry, a resend as it is and a re-mapped replay that changed nothing are one message")
			.containsOnly("leadrelay-920000000000871-crm-hook");
		assertThat(tries).extracting((request) -> Long.parseLong(request.getHeader("webhook-timestamp")))
			.allSatisfy((attempted) -> assertThat(attempted).isCloseTo(Instant.now().getEpochSecond(), within(60L)));
	}

	@Test
	void pausesADestinationWhoseCredentialsAreRefusedUntilTheyChange() {
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(401)));
		lead("920000000000841", "ana@example.com");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "needs_credentials".equals(this.jdbc
				.queryForObject("SELECT status FROM destination WHERE destination_id = 'crm-hook'", String.class)));
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(200)));
		assertThat(attempts("920000000000841")).containsExactly("credentials_rejected 401");
		assertThat(this.jdbc.queryForObject("SELECT attempts FROM delivery WHERE leadgen_id = '920000000000841'",
				Integer.class))
			.isZero();

		admin("PUT", "/api/v1/destinations/crm-hook",
				"{\"credentials\":{\"signingSecret\":\"whsec_bmV3LXNpZ25pbmctc2VjcmV0LWZvci10ZXN0cw==\"}}");
		awaitStatus("920000000000841", "delivered");
	}

	@Test
	void sendsATestLeadAndReportsWhatTheDestinationAnswered() throws Exception {
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(204)));
		HttpResponse<String> test = this.client.call("POST", "/api/v1/destinations/crm-hook/test", null, "admin",
				PASSWORD);
		assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
		assertThat(this.json.readTree(test.body()).get("outcome").asText()).isEqualTo("delivered");
		JsonNode sent = this.json.readTree(crm.getAllServeEvents().get(0).getRequest().getBodyAsString());
		assertThat(sent.get("type").asText()).isEqualTo("lead.test");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Integer.class)).isZero();
	}

	@Test
	void refusesToReplayADeliveryOnItsWayAndAnswersUnknownOnesWith404() throws Exception {
		crm.stubFor(post("/leads").willReturn(aResponse().withStatus(200)));
		lead("920000000000851", "ana@example.com");
		awaitStatus("920000000000851", "delivered");
		assertThat(this.client.call("POST", "/api/v1/deliveries/999999/replay", "{}", "admin", PASSWORD).statusCode())
			.isEqualTo(404);
		assertThat(this.client.get("/api/v1/deliveries?status=lost", "admin", PASSWORD).statusCode()).isEqualTo(400);
		long id = this.jdbc.queryForObject("SELECT id FROM delivery", Long.class);
		this.jdbc.update("UPDATE delivery SET status = 'retrying' WHERE id = ?", id);
		this.jdbc.update("UPDATE destination SET enabled = FALSE");
		assertThat(
				this.client.call("POST", "/api/v1/deliveries/" + id + "/replay", "{}", "admin", PASSWORD).statusCode())
			.isEqualTo(409);
	}

	@Test
	void deliversToTheExampleCamelRouteAndTestsARouteDestination() throws Exception {
		Path files = Path.of("target/delivery-engine-route-files");
		Files.deleteIfExists(files.resolve("920000000000861.json"));
		admin("POST", "/api/v1/destinations",
				"{\"id\":\"files\",\"name\":\"Files\",\"type\":\"route\",\"settings\":{\"endpointUri\":\"direct:leads-to-files\"}}");
		assertThat(this.client.call("POST", "/api/v1/mappings", "application/yaml", """
				id: to-files
				destination: files
				match:
				  forms: ["700000000000022"]
				fields:
				  email: {answer: email, transforms: [trim, lower], required: true}
				""", "admin", PASSWORD).statusCode()).isEqualTo(201);
		lead("920000000000861", " Ana@Example.com ", "700000000000022");
		awaitStatus("920000000000861", "delivered");
		assertThat(Files.readString(files.resolve("920000000000861.json")))
			.isEqualTo("{\"email\":\"ana@example.com\"}");

		HttpResponse<String> test = this.client.call("POST", "/api/v1/destinations/files/test", null, "admin",
				PASSWORD);
		assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
		assertThat(this.json.readTree(test.body()).get("outcome").asText()).isEqualTo("delivered");
	}

}
