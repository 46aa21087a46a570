package io.leadrelay.ingest;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.LeadgenPayloads;
import io.leadrelay.support.MetaSignatures;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest path as Meta uses it: the engine on a random port, real signed bytes over
 * HTTP, and what ends up in the database. Run against H2 and PostgreSQL by subclasses.
 */
@AutoConfigureObservability
@LeadRelayIntegrationTest
@TestPropertySource(properties = {
		"leadrelay.meta.app-secrets=" + MetaWebhookIntegrationTests.OLD_SECRET + ","
				+ MetaWebhookIntegrationTests.SECRET,
		"leadrelay.meta.verify-token=" + MetaWebhookIntegrationTests.VERIFY_TOKEN,
		"leadrelay.ingest.max-body-size=512KB",
		"leadrelay.security.management-token=" + MetaWebhookIntegrationTests.MANAGEMENT_TOKEN })
abstract class MetaWebhookIntegrationTests {

	static final String SECRET = "current-app-secret";

	static final String OLD_SECRET = "previous-app-secret";

	static final String VERIFY_TOKEN = "verify-me-please";

	static final String MANAGEMENT_TOKEN = "management-token-of-the-ingest-tests-0123";

	static final String ADMIN_PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	final ObjectMapper json = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void cleanDatabase() {
		this.client = new WebhookClient(this.port);
		TableCleaner.deleteAll(this.jdbc);
	}

	@Test
	void answersTheVerificationHandshakeWithTheChallenge() {
		HttpResponse<String> response = this.client
			.get("/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + VERIFY_TOKEN);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("1158201444");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(response.headers().map()).doesNotContainKey("hub.verify_token");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			wrong token      | hub.mode=subscribe&hub.challenge=42&hub.verify_token=guess
			missing token    | hub.mode=subscribe&hub.challenge=42
			wrong mode       | hub.mode=unsubscribe&hub.challenge=42&hub.verify_token=verify-me-please
			missing mode     | hub.challenge=42&hub.verify_token=verify-me-please
			missing challenge| hub.mode=subscribe&hub.verify_token=verify-me-please
			empty token      | hub.mode=subscribe&hub.challenge=42&hub.verify_token=
			""")
	void refusesHandshakesThatDoNotMatch(String description, String query) {
		HttpResponse<String> response = this.client.get("/webhooks/meta?" + query);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("42");
	}

	@Test
	void storesEachLeadOfASignedNotificationAndAuditsIt() throws Exception {
		byte[] body = LeadgenPayloads.notification(List.of("920000000000001", "920000000000002"));
		HttpResponse<String> response = this.client.postSigned(SECRET, body);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode receipt = this.json.readTree(response.body());
		assertThat(receipt.get("accepted").asInt()).isEqualTo(2);
		assertThat(receipt.get("duplicates").asInt()).isZero();
		assertThat(this.jdbc.queryForList("SELECT leadgen_id FROM lead_event ORDER BY leadgen_id", String.class))
			.containsExactly("920000000000001", "920000000000002");
		assertThat(this.jdbc.queryForMap(
				"SELECT page_id, form_id, ad_id, adgroup_id, status, source FROM lead_event WHERE leadgen_id = ?",
				"920000000000001"))
			.containsEntry("PAGE_ID", LeadgenPayloads.PAGE_ID)
			.containsEntry("FORM_ID", LeadgenPayloads.FORM_ID)
			.containsEntry("AD_ID", "238000000000023")
			.containsEntry("ADGROUP_ID", "238000000000022")
			.containsEntry("STATUS", "received")
			.containsEntry("SOURCE", "webhook");
		assertThat(this.jdbc.queryForList(
				"SELECT action FROM audit_event WHERE subject_type = 'lead' AND subject_id = ? ORDER BY id",
				String.class, "920000000000001"))
			.containsExactly("lead_event.received");
	}

	@Test
	void acceptsTheSecondSecretWhileASecretIsRotated() {
		assertThat(this.client.postSigned(OLD_SECRET, LeadgenPayloads.notification("920000000000010")).statusCode())
			.isEqualTo(200);
		assertThat(storedLeads()).isEqualTo(1);
	}

	@Test
	void verifiesTheRawBytesOfABodyWithEscapedUnicode() {
		byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + LeadgenPayloads.PAGE_ID
				+ "\",\"time\":1767225600,\"note\":\"J\\u00f6rg \\u00e4\\u00f6\\u00e5 \\ud83d\\ude00\",\"changes\":["
				+ LeadgenPayloads.change("920000000000011") + "]}]}")
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(this.client.postSigned(SECRET, body).statusCode()).isEqualTo(200);
		assertThat(storedLeads()).isEqualTo(1);
	}

	@Test
	void storesARedeliveredNotificationOnceAndStillAnswers200() throws Exception {
		byte[] body = LeadgenPayloads.notification("920000000000020");
		assertThat(this.client.postSigned(SECRET, body).statusCode()).isEqualTo(200);
		HttpResponse<String> again = this.client.postSigned(SECRET, body);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(again.body()).get("duplicates").asInt()).isEqualTo(1);
		assertThat(storedLeads()).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = ? ORDER BY id",
				String.class, "920000000000020"))
			.containsExactly("lead_event.received", "lead_event.duplicate");
	}

	@Test
	void storesTheSameNotificationDeliveredConcurrentlyOnce() throws Exception {
		byte[] body = LeadgenPayloads.notification(List.of("920000000000030", "920000000000031"));
		int senders = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < senders; i++) {
			calls.add(() -> {
				start.await();
				return this.client.postSigned(SECRET, body);
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try {
			List<Future<HttpResponse<String>>> futures = calls.stream().map(pool::submit).toList();
			start.countDown();
			int accepted = 0;
			for (Future<HttpResponse<String>> future : futures) {
				HttpResponse<String> response = future.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				accepted += this.json.readTree(response.body()).get("accepted").asInt();
			}
			assertThat(accepted).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(storedLeads()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'lead_event.received'",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void storesABatchOfAThousandChanges() throws Exception {
		List<String> ids = IntStream.range(0, 1000).mapToObj((i) -> String.valueOf(930000000000000L + i)).toList();
		HttpResponse<String> response = this.client.postSigned(SECRET, LeadgenPayloads.notification(ids));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("accepted").asInt()).isEqualTo(1000);
		assertThat(storedLeads()).isEqualTo(1000);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT subject_id) FROM audit_event", Integer.class))
			.isEqualTo(1000);
	}

	@Test
	void acknowledgesChangesThatAreNotLeadsWithoutStoringThem() throws Exception {
		byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"feed\","
				+ "\"value\":{\"item\":\"status\"}}]}]}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = this.client.postSigned(SECRET, body);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("ignored").asInt()).isEqualTo(1);
		assertThat(storedLeads()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no signature          | missing_signature
			sha1 signature        | malformed_signature
			wrong secret          | signature_mismatch
			""")
	void refusesUnsignedOrMissignedPostsAndStoresNothing(String description, String reason) throws Exception {
		byte[] body = LeadgenPayloads.notification("920000000000040");
		String signature = switch (reason) {
			case "missing_signature" -> null;
			case "malformed_signature" -> "sha1=" + "ab".repeat(20);
			default -> MetaSignatures.sign("not-our-secret", body);
		};
		double before = rejected(reason);
		HttpResponse<String> response = this.client.post(body, signature);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.json.readTree(response.body()).get("reason").asText()).isEqualTo(reason);
		assertThat(storedLeads()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class)).isZero();
		assertThat(rejected(reason)).isEqualTo(before + 1);
	}

	@Test
	void refusesABodyOneByteAlteredAfterSigning() {
		byte[] body = LeadgenPayloads.notification("920000000000041");
		String signature = MetaSignatures.sign(SECRET, body);
		body[body.length - 5] = (byte) (body[body.length - 5] ^ 1);
		assertThat(this.client.post(body, signature).statusCode()).isEqualTo(401);
		assertThat(storedLeads()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					not JSON                 | hello                                                   | $
					another object           | {"object":"instagram","entry":[]}                       | object
					no entries               | {"object":"page"}                                       | entry
					lead without an id       | {"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"form_id":"2"}}]}]} | entry[0].changes[0].value.leadgen_id
					""")
	void refusesSignedBodiesOfTheWrongShapeNamingTheField(String description, String body, String field)
			throws Exception {
		double before = rejected("invalid_payload");
		HttpResponse<String> response = this.client.postSigned(SECRET, body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("field").asText()).isEqualTo(field);
		assertThat(problem.get("detail").asText()).startsWith(field);
		assertThat(storedLeads()).isZero();
		assertThat(rejected("invalid_payload")).isEqualTo(before + 1);
	}

	@Test
	void storesNoneOfABatchWhoseLastChangeIsBroken() {
		String broken = "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"not-a-number\"}}";
		byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":["
				+ LeadgenPayloads.change("920000000000050") + "," + broken + "]}]}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.client.postSigned(SECRET, body).statusCode()).isEqualTo(400);
		assertThat(storedLeads()).isZero();
	}

	@Test
	void refusesABodyOverTheLimitWith413WhetherDeclaredOrChunked() throws Exception {
		byte[] huge = new byte[600 * 1024];
		Arrays.fill(huge, (byte) ' ');
		String signature = MetaSignatures.sign(SECRET, huge);
		double before = rejected("body_too_large");
		HttpResponse<String> declared = this.client.post(huge, signature);
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(this.json.readTree(declared.body()).get("reason").asText()).isEqualTo("body_too_large");
		assertThat(this.client.postChunked(huge, signature).statusCode()).isEqualTo(413);
		assertThat(rejected("body_too_large")).isEqualTo(before + 2);
		assertThat(storedLeads()).isZero();
	}

	@Test
	void acceptsABodyJustUnderTheLimitSentChunked() {
		byte[] body = LeadgenPayloads.notification("920000000000060");
		assertThat(this.client.postChunked(body, MetaSignatures.sign(SECRET, body)).statusCode()).isEqualTo(200);
		assertThat(storedLeads()).isEqualTo(1);
	}

	@Test
	void refusesFormEncodedBodiesWith415() {
		byte[] body = LeadgenPayloads.notification("920000000000070");
		HttpResponse<String> response = this.client.send(this.client.webhook()
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(WebhookClient.SIGNATURE_HEADER, MetaSignatures.sign(SECRET, body))
			.POST(BodyPublishers.ofByteArray(body)));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(storedLeads()).isZero();
	}

	@Test
	void answers503AndStoresNothingWhenTheDatabaseFails() throws Exception {
		this.jdbc.execute("ALTER TABLE audit_event RENAME TO audit_event_away");
		try {
			HttpResponse<String> response = this.client.postSigned(SECRET,
					LeadgenPayloads.notification("920000000000075"));
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(this.json.readTree(response.body()).get("reason").asText()).isEqualTo("storage_unavailable");
		}
		finally {
			this.jdbc.execute("ALTER TABLE audit_event_away RENAME TO audit_event");
		}
		assertThat(storedLeads()).as("the lead row rolled back with its failed audit row").isZero();
		assertThat(this.client.postSigned(SECRET, LeadgenPayloads.notification("920000000000075")).statusCode())
			.as("Meta's retry once the database is back")
			.isEqualTo(200);
		assertThat(storedLeads()).isEqualTo(1);
	}

	@Test
	void listsStoredLeadsThroughTheApiWithFilters() throws Exception {
		this.client.postSigned(SECRET, LeadgenPayloads.notification(List.of("920000000000081", "920000000000082")));
		this.client.postSigned(SECRET, LeadgenPayloads.notification("920000000000083"));
		JsonNode all = this.json.readTree(this.client.get("/api/v1/leads?size=2", "admin", ADMIN_PASSWORD).body());
		assertThat(all.get("totalItems").asLong()).isEqualTo(3);
		assertThat(all.get("totalPages").asLong()).isEqualTo(2);
		assertThat(all.get("items")).extracting((item) -> item.get("leadgenId").asText())
			.containsExactly("920000000000083", "920000000000082");
		JsonNode item = all.get("items").get(0);
		assertThat(item.get("pageId").asText()).isEqualTo(LeadgenPayloads.PAGE_ID);
		assertThat(item.get("formId").asText()).isEqualTo(LeadgenPayloads.FORM_ID);
		assertThat(item.get("adId").asText()).isEqualTo("238000000000023");
		assertThat(item.get("createdTime").asText()).isEqualTo("2025-12-31T23:59:50Z");
		assertThat(item.get("receivedAt").asText()).isNotBlank();
		assertThat(item.get("status").asText()).isEqualTo("received");
		JsonNode secondPage = this.json
			.readTree(this.client.get("/api/v1/leads?size=2&page=1", "admin", ADMIN_PASSWORD).body());
		assertThat(secondPage.get("items")).extracting((i) -> i.get("leadgenId").asText())
			.containsExactly("920000000000081");
		JsonNode one = this.json.readTree(this.client
			.get("/api/v1/leads?leadgenId=920000000000082&pageId=" + LeadgenPayloads.PAGE_ID + "&formId="
					+ LeadgenPayloads.FORM_ID + "&status=received", "admin", ADMIN_PASSWORD)
			.body());
		assertThat(one.get("items")).extracting((i) -> i.get("leadgenId").asText()).containsExactly("920000000000082");
		JsonNode none = this.json
			.readTree(this.client.get("/api/v1/leads?status=mapped", "admin", ADMIN_PASSWORD).body());
		assertThat(none.get("totalItems").asLong()).isZero();
	}

	@Test
	void reportsTheCountersAndTheLatencyTimerToPrometheus() {
		this.client.postSigned(SECRET, LeadgenPayloads.notification("920000000000090"));
		String scrape = withManagementToken("/actuator/prometheus").body();
		assertThat(scrape).contains("leadrelay_webhook_events_total{outcome=\"accepted\"")
			.contains("leadrelay_webhook_events_total{outcome=\"duplicate\"")
			.contains("leadrelay_webhook_rejected_total{reason=\"signature_mismatch\"")
			.contains("leadrelay_webhook_request_seconds_count");
		// The webhook's own timer replaces the request observation there; other paths
		// keep it.
		this.client.get("/actuator/health");
		assertThat(withManagementToken("/actuator/prometheus").body()).doesNotContain("uri=\"/webhooks/meta\"")
			.contains("uri=\"/actuator/health\"");
	}

	@Test
	void reportsHealthWithTheDatabase() throws Exception {
		assertThat(this.client.get("/actuator/health").statusCode()).isEqualTo(200);
		JsonNode health = this.json.readTree(withManagementToken("/actuator/health").body());
		assertThat(health.get("status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
	}

	private HttpResponse<String> withManagementToken(String path) {
		return this.client.send(this.client.request(path).header("Authorization", "Bearer " + MANAGEMENT_TOKEN));
	}

	private int storedLeads() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM lead_event", Integer.class);
		return (count != null) ? count : 0;
	}

	private double rejected(String reason) {
		return this.meters.get("leadrelay.webhook.rejected").tag("reason", reason).counter().count();
	}

}
