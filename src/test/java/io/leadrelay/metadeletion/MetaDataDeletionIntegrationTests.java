package io.leadrelay.metadeletion;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.leadrelay.support.SignedRequestsForTests.encode;
import static io.leadrelay.support.SignedRequestsForTests.hmac;
import static io.leadrelay.support.SignedRequestsForTests.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta's data-deletion callback against the running engine: signed requests as Meta sends
 * them, for a person and for a Page, then the public status page as an anonymous visitor;
 * and every kind of request that is not Meta's, refused without a trace.
 */
@LeadRelayIntegrationTest
class MetaDataDeletionIntegrationTests {

	static final String SECRET = LeadRelayIntegrationTest.APP_SECRET;

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String PAGE_ID = "100200300400501";

	static final String USER_ID = "218471991";

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper mapper = new ObjectMapper();

	WebhookClient client;

	@BeforeEach
	void clean() {
		TableCleaner.deleteAll(this.jdbc);
		this.client = new WebhookClient(this.port);
	}

	@Test
	void aPageThatRemovedTheAppLosesItsConnectionAndTokenAndTheStatusPageSaysSo() throws Exception {
		assertThat(
				this.client
					.call("POST", "/api/v1/pages",
							"{\"pageId\":\"" + PAGE_ID
									+ "\",\"name\":\"Acme\",\"accessToken\":\"EAAG-deletion-token\"}",
							"admin", PASSWORD)
					.statusCode())
			.isEqualTo(201);

		HttpResponse<String> response = callback(sign(SECRET, """
				{"algorithm":"HMAC-SHA256","issued_at":%d,"user_id":"0","profile_id":"%s"}"""
			.formatted(Instant.now().getEpochSecond(), PAGE_ID)));

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, String> answer = this.mapper.readValue(response.body(), new TypeReference<>() {
		});
		String code = answer.get("confirmation_code");
		assertThat(code).matches("[A-Za-z0-9]{10,}");
		assertThat(answer.get("url")).isEqualTo("http://localhost:" + this.port + "/privacy/deletions/" + code);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM page", Integer.class)).isZero();
		assertThat(this.jdbc.queryForMap("SELECT requested_for, pages_deleted, tokens_deleted FROM meta_data_deletion"))
			.containsEntry("REQUESTED_FOR", "page")
			.containsEntry("PAGES_DELETED", 1)
			.containsEntry("TOKENS_DELETED", 1);
		assertThat(
				this.jdbc.queryForList("SELECT action FROM audit_event WHERE actor = 'meta' ORDER BY id", String.class))
			.containsExactly("page.deleted", "privacy.meta_data_deletion");

		HttpResponse<String> status = this.client.get(answer.get("url").replace("http://localhost:" + this.port, ""));
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.body()).contains("Your data deletion request", code, "Completed", "The connection to the",
				"access token");
		assertThat(status.body()).doesNotContain(PAGE_ID);
	}

	@Test
	void aPersonsRequestDeletesNothingBecauseNothingIsKeyedToThemAndKeepsNoTraceOfTheirId() throws Exception {
		HttpResponse<String> response = callback(sign(SECRET, """
				{"algorithm":"hmac-sha256","expires":%d,"issued_at":%d,"user_id":"%s"}"""
			.formatted(Instant.now().getEpochSecond() + 3600, Instant.now().getEpochSecond(), USER_ID)));

		assertThat(response.statusCode()).isEqualTo(200);
		String code = this.mapper.readTree(response.body()).get("confirmation_code").asText();
		String status = this.client.get("/privacy/deletions/" + code).body();
		assertThat(status).contains("stores no data about the people", code);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM meta_data_deletion", Integer.class)).isOne();
		assertThat(this.jdbc.queryForList("SELECT details FROM audit_event", String.class)).singleElement()
			.asString()
			.contains("person")
			.doesNotContain(USER_ID);
		assertThat(this.jdbc.queryForList("SELECT * FROM meta_data_deletion").toString()).doesNotContain(USER_ID);
	}

	@Test
	void paddedBase64IsAcceptedToo() {
		String payload = Base64.getUrlEncoder()
			.encodeToString("{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1234\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(payload).endsWith("=");
		String signed = Base64.getUrlEncoder().encodeToString(hmac(SECRET, payload)) + "." + payload;
		assertThat(callback(signed).statusCode()).isEqualTo(200);
	}

	@Test
	void requestsThatAreNotMetasAreRefusedAndLeaveNoTrace() throws Exception {
		this.client.call("POST", "/api/v1/pages",
				"{\"pageId\":\"" + PAGE_ID + "\",\"name\":\"Acme\",\"accessToken\":\"EAAG-kept\"}", "admin", PASSWORD);
		long now = Instant.now().getEpochSecond();
		String pageRemoval = "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"0\",\"profile_id\":\"" + PAGE_ID + "\"}";
		String good = sign(SECRET, pageRemoval);
		Map<String, String> refused = Map.of("signature_mismatch", sign("someone-elses-secret", pageRemoval), "expired",
				sign(SECRET,
						"{\"algorithm\":\"HMAC-SHA256\",\"expires\":" + (now - 60) + ",\"profile_id\":\"" + PAGE_ID
								+ "\"}"),
				"unsupported_algorithm", sign(SECRET, pageRemoval.replace("HMAC-SHA256", "none")), "malformed",
				good.replace(".", ""), "oversized", good + "A".repeat(5000), "missing", "", "tampered",
				good.substring(0, good.indexOf('.') + 1)
						+ encode(pageRemoval.replace(PAGE_ID, "999").getBytes(StandardCharsets.UTF_8)),
				"not_an_id", sign(SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"a@b.c\"}"));
		for (Map.Entry<String, String> request : refused.entrySet()) {
			HttpResponse<String> response = callback(request.getValue());
			assertThat(response.statusCode()).as(request.getKey()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(request.getKey())
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			String reason = this.mapper.readTree(response.body()).get("reason").asText();
			switch (request.getKey()) {
				case "tampered" -> assertThat(reason).isEqualTo("signature_mismatch");
				case "not_an_id" -> assertThat(reason).isEqualTo("malformed");
				default -> assertThat(reason).as(request.getKey()).isEqualTo(request.getKey());
			}
			assertThat(this.mapper.readTree(response.body()).get("detail").asText()).isNotBlank();
		}
		HttpResponse<String> noParameter = this.client.send(this.client.request("/webhooks/meta/data-deletion")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("other=1")));
		assertThat(noParameter.statusCode()).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM meta_data_deletion", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM page", Integer.class)).isOne();
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_event", String.class))
			.doesNotContain("privacy.meta_data_deletion", "page.deleted");
	}

	@Test
	void aRequestIssuedMoreThanADayAgoOrFromTheFutureIsRefusedAsExpiredEvenWithoutExpires() throws Exception {
		long now = Instant.now().getEpochSecond();
		String person = "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"" + USER_ID + "\"}";
		for (long issuedAt : new long[] { now - 25 * 3600, now + 10 * 60 }) {
			HttpResponse<String> replayed = callback(sign(SECRET, person.formatted(issuedAt)));
			assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(400);
			assertThat(this.mapper.readTree(replayed.body()).get("reason").asText()).isEqualTo("expired");
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM meta_data_deletion", Integer.class)).isZero();
		for (long issuedAt : new long[] { now - 23 * 3600, now + 4 * 60 }) {
			assertThat(callback(sign(SECRET, person.formatted(issuedAt))).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void anUnknownCodeGetsAClearNotFoundPage() {
		HttpResponse<String> response = this.client.get("/privacy/deletions/NOSUCHCODE1234");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Deletion request not found", "NOSUCHCODE1234");
	}

	private HttpResponse<String> callback(String signedRequest) {
		return this.client.send(this.client.request("/webhooks/meta/data-deletion")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers
				.ofString("signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8))));
	}

}
