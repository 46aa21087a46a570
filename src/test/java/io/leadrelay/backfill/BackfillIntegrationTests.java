package io.leadrelay.backfill;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation against a Graph API played by WireMock: leads the webhook missed are
 * stored once, leads it delivered are not stored again. Run on H2 and PostgreSQL.
 */
@LeadRelayIntegrationTest
abstract class BackfillIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String SECRET = LeadRelayIntegrationTest.APP_SECRET;

	static final String PAGE = LeadgenPayloads.PAGE_ID;

	static final String FORM = LeadgenPayloads.FORM_ID;

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Backfill backfill;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void pageWithTwoLeadsInItsForm() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + PAGE + "/leadgen_forms")).willReturn(okJson("""
				{"data":[{"id":"%s","status":"ACTIVE"},{"id":"700000000000099","status":"ARCHIVED"}]}"""
			.formatted(FORM))));
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + FORM + "/leads")).willReturn(
				okJson("""
						{"data":[
						  {"id":"920000000000501","created_time":"2026-11-20T10:00:00+0000","form_id":"%1$s","ad_id":"238000000000022",
						   "field_data":[{"name":"email","values":["a@example.com"]}]},
						  {"id":"920000000000502","created_time":"2026-11-21T09:30:00+0000","form_id":"%1$s","is_organic":true,
						   "field_data":[{"name":"email","values":["b@example.com"]}]}],
						 "paging":{"cursors":{"before":"A","after":"B"}}}"""
					.formatted(FORM))));
		assertThat(admin("POST", "/api/v1/pages",
				"{\"pageId\":\"" + PAGE + "\",\"name\":\"Acme\",\"accessToken\":\"EAAG-token\"}")
			.statusCode()).isEqualTo(201);
	}

	@Test
	void storesTheLeadsTheWebhookMissedOnceAndOnlyOnce() throws Exception {
		assertThat(this.client.postSigned(SECRET, LeadgenPayloads.notification("920000000000501")).statusCode())
			.isEqualTo(200);
		JsonNode result = backfill("?since=2026-11-01T00:00:00Z");
		assertThat(result.get("formsChecked").asInt()).as("the archived form is skipped").isEqualTo(1);
		assertThat(result.get("leadsFound").asInt()).isEqualTo(2);
		assertThat(result.get("leadsAdded").asInt()).isEqualTo(1);
		assertThat(source("920000000000501")).isEqualTo("webhook");
		assertThat(source("920000000000502")).isEqualTo("backfill");
		assertThat(this.jdbc.queryForObject("SELECT form_id FROM lead_event WHERE leadgen_id = '920000000000502'",
				String.class))
			.isEqualTo(FORM);
		assertThat(backfill("?since=2026-11-01T00:00:00Z").get("leadsAdded").asInt()).as("run again").isZero();
		HttpResponse<String> late = this.client.postSigned(SECRET, LeadgenPayloads.notification("920000000000502"));
		assertThat(this.json.readTree(late.body()).get("duplicates").asInt()).as("the webhook comes late").isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event", Integer.class)).isEqualTo(2);
		graph.verify(getRequestedFor(urlPathEqualTo("/v26.0/" + FORM + "/leads")).withQueryParam("filtering",
				containing("\"value\":" + Instant.parse("2026-11-01T00:00:00Z").getEpochSecond())));
	}

	@Test
	void startsTheNextPollAnOverlapBeforeTheLastCompleteRead() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		backfill("?since=2026-11-01T00:00:00Z");
		Instant readUntil = readUntil().orElseThrow();
		assertThat(readUntil).isBetween(start.minus(Duration.ofHours(1)), Instant.now().minus(Duration.ofHours(1)));
		graph.resetRequests();
		backfill("");
		graph.verify(getRequestedFor(urlPathEqualTo("/v26.0/" + FORM + "/leads")).withQueryParam("filtering",
				containing("\"GREATER_THAN_OR_EQUAL\",\"value\":" + readUntil.getEpochSecond())));
	}

	@Test
	void leavesTheWatermarkWhenALookBackStartsAfterIt() throws Exception {
		Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
		assertThat(backfill("?since=" + since).get("leadsFound").asInt()).isEqualTo(2);
		assertThat(readUntil()).as("the first poll still reads three days back").isEmpty();
	}

	@Test
	void marksThePageWhenItsTokenNoLongerWorks() throws Exception {
		graph.stubFor(get(urlPathEqualTo("/v26.0/" + PAGE + "/leadgen_forms")).willReturn(status(400).withBody(
				"{\"error\":{\"message\":\"Error validating access token: Session has expired\",\"type\":\"OAuthException\","
						+ "\"code\":190,\"error_subcode\":463}}")));
		JsonNode result = backfill("");
		assertThat(result.get("leadsAdded").asInt()).isZero();
		assertThat(result.get("problems").get(0).asText()).contains("Session has expired");
		assertThat(this.jdbc.queryForObject("SELECT token_status FROM page WHERE page_id = ?", String.class, PAGE))
			.isEqualTo("needs_token");
	}

	@Test
	void pollsTheOtherPagesWhenOnePageIsBroken() {
		assertThat(admin("POST", "/api/v1/pages",
				"{\"pageId\":\"100200300400598\",\"name\":\"Aaa first\",\"accessToken\":\"EAAG-other\"}")
			.statusCode()).isEqualTo(201);
		this.jdbc.update("UPDATE page SET token_ciphertext = 'v1:removed-key:AAAA' WHERE page_id = '100200300400598'");
		this.backfill.runAll();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event WHERE source = 'backfill'", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void refusesABadSinceNamingIt() throws Exception {
		HttpResponse<String> response = admin("POST", "/api/v1/pages/" + PAGE + "/backfill?since=yesterday", null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("field").asText()).isEqualTo("since");
		assertThat(admin("POST", "/api/v1/pages/" + PAGE + "/backfill?since=2999-01-01T00:00:00Z", null).statusCode())
			.isEqualTo(400);
		assertThat(admin("POST", "/api/v1/pages/123/backfill", null).statusCode()).isEqualTo(404);
	}

	private JsonNode backfill(String query) throws Exception {
		HttpResponse<String> response = admin("POST", "/api/v1/pages/" + PAGE + "/backfill" + query, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private Optional<Instant> readUntil() {
		return this.jdbc
			.queryForList("SELECT read_until FROM form_watermark WHERE form_id = ?", OffsetDateTime.class, FORM)
			.stream()
			.findFirst()
			.map(OffsetDateTime::toInstant);
	}

	private String source(String leadgenId) {
		return this.jdbc.queryForObject("SELECT source FROM lead_event WHERE leadgen_id = ?", String.class, leadgenId);
	}

	private HttpResponse<String> admin(String method, String path, String body) {
		return this.client.call(method, path, body, "admin", PASSWORD);
	}

}
