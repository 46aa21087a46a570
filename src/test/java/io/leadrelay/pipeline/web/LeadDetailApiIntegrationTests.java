package io.leadrelay.pipeline.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.audit.AuditLog;
import io.leadrelay.pipeline.LeadFixtures;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.TestUsers;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/leads/{id}} and its timeline, and the list's search, filters and
 * keyset paging, over HTTP.
 */
@LeadRelayIntegrationTest
class LeadDetailApiIntegrationTests {

	static final String ADMIN_PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog audit;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	long deliveryId;

	@BeforeEach
	void store() {
		TableCleaner.deleteAll(this.jdbc);
		this.client = new WebhookClient(this.port);
		this.deliveryId = LeadStories.deliveredOnTheSecondTry(this.jdbc, this.audit);
	}

	@Test
	void showsAnAdminTheAnswersEnrichmentAndDeliveriesWithTheirAttempts() throws Exception {
		JsonNode lead = get("/api/v1/leads/" + LeadStories.LEADGEN_ID, "admin", ADMIN_PASSWORD);
		assertThat(lead.get("status").asText()).isEqualTo("mapped");
		assertThat(lead.at("/answers/email/0").asText()).isEqualTo("anna.schmidt@example.com");
		assertThat(lead.at("/enrichment/platform").asText()).isEqualTo("ig");
		assertThat(lead.at("/enrichment/campaignName").asText()).isEqualTo("Spring campaign");
		JsonNode delivery = lead.at("/deliveries/0");
		assertThat(delivery.get("id").asLong()).isEqualTo(this.deliveryId);
		assertThat(delivery.get("destinationId").asText()).isEqualTo("hubspot-main");
		assertThat(delivery.at("/payload/firstname").asText()).isEqualTo("Anna");
		assertThat(delivery.get("attempts")).hasSize(2);
		assertThat(delivery.at("/attempts/0/httpStatus").asInt()).isEqualTo(503);
		assertThat(delivery.at("/attempts/1/outcome").asText()).isEqualTo("delivered");
	}

	@Test
	void hidesAnswersAndPayloadsFromAViewerButKeepsTheirNames() throws Exception {
		TestUsers.replace(this.jdbc, "vera", "VIEWER");
		JsonNode lead = get("/api/v1/leads/" + LeadStories.LEADGEN_ID, "vera", TestUsers.PASSWORD);
		assertThat(lead.at("/answers/email/0").asText()).isEqualTo("hidden for your role");
		assertThat(lead.at("/answers/full_name/0").asText()).isEqualTo("hidden for your role");
		assertThat(lead.at("/deliveries/0/payload/email").asText()).isEqualTo("hidden for your role");
		assertThat(lead.toString()).doesNotContain("anna.schmidt", "Schmidt", "2345");
		assertThat(lead.at("/enrichment/formName").asText()).isEqualTo("Spring offer");
	}

	@Test
	void tellsTheTimelineInPlainWords() throws Exception {
		JsonNode timeline = get("/api/v1/leads/" + LeadStories.LEADGEN_ID + "/timeline", "admin", ADMIN_PASSWORD);
		List<String> descriptions = new ArrayList<>();
		timeline.forEach((entry) -> descriptions.add(entry.get("description").asText()));
		assertThat(descriptions).containsExactly("Received from Meta", "Meta sent it again; LeadRelay kept it once",
				"Fetching its details from Meta",
				"Mapped: a delivery made for each destination of the mappings that took it",
				"Delivery to hubspot-main queued by mapping spring-offer v2",
				"Not delivered to hubspot-main on try 1 (the CRM answered HTTP 503); trying again later",
				"Delivered to hubspot-main on try 2 (the CRM answered HTTP 201)", "lead.something_new");
		assertThat(timeline.at("/0/action").asText()).isEqualTo("lead_event.received");
		assertThat(timeline.at("/0/occurredAt").asText()).isEqualTo("2026-12-02T10:00:00Z");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown lead        | /api/v1/leads/999999999999999           | 404 |
			unknown timeline    | /api/v1/leads/999999999999999/timeline  | 404 |
			text id             | /api/v1/leads/abc                       | 400 | leadgenId
			text id timeline    | /api/v1/leads/abc/timeline              | 400 | leadgenId
			unknown platform    | /api/v1/leads?platform=tiktok           | 400 | platform
			date not a date     | /api/v1/leads?from=yesterday            | 400 | from
			to before from      | /api/v1/leads?from=2026-12-03&to=2026-12-01 | 400 | to
			cursor not a number | /api/v1/leads?cursor=abc                | 400 | cursor
			page with a search  | /api/v1/leads?page=1&q=anna             | 400 | page
			""")
	void answersUnknownLeadsAndBadParametersWithProblems(String description, String path, int status, String field)
			throws Exception {
		HttpResponse<String> response = this.client.get(path, "admin", ADMIN_PASSWORD);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		if (field != null) {
			assertThat(problem.get("field").asText()).isEqualTo(field);
		}
		else {
			assertThat(problem.get("detail").asText()).contains("999999999999999");
		}
	}

	@Test
	void refusesASearchLongerThan200Characters() throws Exception {
		HttpResponse<String> response = this.client.get("/api/v1/leads?q=" + "a".repeat(201), "admin", ADMIN_PASSWORD);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("field").asText()).isEqualTo("q");
	}

	@Test
	void searchesAndFiltersTheList() throws Exception {
		LeadFixtures.store(this.jdbc, "920000000000002", "filtered", "fb", LeadStories.RECEIVED.plusSeconds(86400),
				LeadFixtures.person("Bob Anderson", "bob@example.com", "+1 555 010 9999"));
		assertThat(leadgenIds("/api/v1/leads?q=anna.schmidt@example.com")).containsExactly(LeadStories.LEADGEN_ID);
		assertThat(leadgenIds("/api/v1/leads?q=%2B49%20151%202345-678")).containsExactly(LeadStories.LEADGEN_ID);
		assertThat(leadgenIds("/api/v1/leads?q=anderson")).containsExactly("920000000000002");
		assertThat(leadgenIds("/api/v1/leads?platform=facebook")).containsExactly("920000000000002");
		assertThat(leadgenIds("/api/v1/leads?from=2026-12-03")).containsExactly("920000000000002");
		assertThat(leadgenIds("/api/v1/leads?to=2026-12-02")).containsExactly(LeadStories.LEADGEN_ID);
		assertThat(leadgenIds("/api/v1/leads?status=filtered&pageId=" + LeadFixtures.PAGE_ID))
			.containsExactly("920000000000002");
		JsonNode found = get("/api/v1/leads?q=anderson", "admin", ADMIN_PASSWORD);
		assertThat(found.get("totalItems").isNull()).isTrue();
		assertThat(found.at("/items/0/formName").asText()).isEqualTo("Spring offer");
	}

	@Test
	void pagesByCursorAndStillByPageNumber() throws Exception {
		for (int i = 2; i <= 5; i++) {
			LeadFixtures.store(this.jdbc, "92000000000000" + i, "mapped", "fb",
					LeadStories.RECEIVED.plusSeconds(i * 60L), null);
		}
		JsonNode first = get("/api/v1/leads?size=2", "admin", ADMIN_PASSWORD);
		assertThat(ids(first)).containsExactly("920000000000005", "920000000000004");
		assertThat(first.get("totalItems").asLong()).isEqualTo(5);
		JsonNode second = get("/api/v1/leads?size=2&cursor=" + first.get("nextCursor").asText(), "admin",
				ADMIN_PASSWORD);
		assertThat(ids(second)).containsExactly("920000000000003", "920000000000002");
		JsonNode third = get("/api/v1/leads?size=2&cursor=" + second.get("nextCursor").asText(), "admin",
				ADMIN_PASSWORD);
		assertThat(ids(third)).containsExactly(LeadStories.LEADGEN_ID);
		assertThat(third.get("nextCursor").isNull()).isTrue();
		assertThat(ids(get("/api/v1/leads?size=2&page=1", "admin", ADMIN_PASSWORD))).containsExactly("920000000000003",
				"920000000000002");
	}

	private List<String> leadgenIds(String path) throws Exception {
		return ids(get(path, "admin", ADMIN_PASSWORD));
	}

	private static List<String> ids(JsonNode slice) {
		List<String> ids = new ArrayList<>();
		slice.get("items").forEach((item) -> ids.add(item.get("leadgenId").asText()));
		return ids;
	}

	private JsonNode get(String path, String user, String password) throws Exception {
		HttpResponse<String> response = this.client.get(path, user, password);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
