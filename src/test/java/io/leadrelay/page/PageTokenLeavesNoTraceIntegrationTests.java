package io.leadrelay.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.page.connect.PageConnections;
import io.leadrelay.support.CapturedLogs;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.SharedGraphApi;
import io.leadrelay.support.SignedRequestsForTests;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static java.net.http.HttpRequest.BodyPublishers.ofString;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page deleted (API), disconnected (as the Pages screen does) or removed by Meta's
 * data-deletion callback takes its access token with it: afterwards no column of any
 * table holds the token or its ciphertext, and the log never held the token.
 */
@LeadRelayIntegrationTest
class PageTokenLeavesNoTraceIntegrationTests {

	static final String PASSWORD = LeadRelayIntegrationTest.ADMIN_PASSWORD;

	static final String PAGE_ID = "100200300400777";

	static final String TOKEN = "EAAGnotrace0123456789abcdefTOKEN";

	@RegisterExtension
	static WireMockExtension graph = SharedGraphApi.extension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PageConnections connections;

	WebhookClient client;

	CapturedLogs logs;

	@BeforeEach
	void connectAPage() {
		TableCleaner.deleteAll(this.jdbc);
		this.logs = CapturedLogs.start();
		this.client = new WebhookClient(this.port);
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token"))
			.willReturn(okJson("{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}")));
		graph.stubFor(
				get(urlPathMatching("/v26.0/" + PAGE_ID + "/leadgen_forms.*")).willReturn(okJson("{\"data\":[]}")));
		graph.stubFor(post(urlPathEqualTo("/v26.0/" + PAGE_ID + "/subscribed_apps"))
			.willReturn(okJson("{\"success\":true}")));
		graph.stubFor(delete(urlPathEqualTo("/v26.0/" + PAGE_ID + "/subscribed_apps"))
			.willReturn(okJson("{\"success\":true}")));
		assertThat(this.client
			.call("POST", "/api/v1/pages",
					"{\"pageId\":\"" + PAGE_ID + "\",\"name\":\"Acme\",\"accessToken\":\"" + TOKEN + "\"}", "admin",
					PASSWORD)
			.statusCode()).isEqualTo(201);
		assertThat(this.client.call("POST", "/api/v1/pages/" + PAGE_ID + "/token-check", null, "admin", PASSWORD)
			.statusCode()).isEqualTo(200);
	}

	@AfterEach
	void stopCapturing() {
		this.logs.close();
	}

	@Test
	void deletingAPageLeavesNoTraceOfItsToken() {
		String ciphertext = ciphertext();
		assertThat(tablesHolding(TOKEN, ciphertext)).containsExactly("PAGE.TOKEN_CIPHERTEXT");

		assertThat(this.client.call("DELETE", "/api/v1/pages/" + PAGE_ID, null, "admin", PASSWORD).statusCode())
			.isEqualTo(204);

		assertThat(tablesHolding(TOKEN, ciphertext)).isEmpty();
		assertThat(this.logs.text()).doesNotContain(TOKEN);
	}

	@Test
	void disconnectingAPageLeavesNoTraceOfItsToken() {
		String ciphertext = ciphertext();

		this.connections.disconnect(PAGE_ID, "admin");

		graph.verify(1, com.github.tomakehurst.wiremock.client.WireMock
			.deleteRequestedFor(urlPathEqualTo("/v26.0/" + PAGE_ID + "/subscribed_apps")));
		assertThat(tablesHolding(TOKEN, ciphertext)).isEmpty();
		assertThat(this.logs.text()).doesNotContain(TOKEN);
	}

	@Test
	void aPageRemovedByMetasDataDeletionCallbackLeavesNoTraceOfItsToken() {
		String ciphertext = ciphertext();
		String signed = SignedRequestsForTests.sign(LeadRelayIntegrationTest.APP_SECRET,
				"{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":" + Instant.now().getEpochSecond()
						+ ",\"user_id\":\"0\",\"profile_id\":\"" + PAGE_ID + "\"}");

		assertThat(this.client
			.send(this.client.request("/webhooks/meta/data-deletion")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(ofString("signed_request=" + signed)))
			.statusCode()).isEqualTo(200);

		assertThat(tablesHolding(TOKEN, ciphertext)).isEmpty();
		assertThat(this.logs.text()).doesNotContain(TOKEN);
	}

	private String ciphertext() {
		String ciphertext = this.jdbc.queryForObject("SELECT token_ciphertext FROM page WHERE page_id = ?",
				String.class, PAGE_ID);
		assertThat(ciphertext).isNotBlank().doesNotContain(TOKEN);
		return ciphertext;
	}

	/** Every TABLE.COLUMN of the database whose text holds one of the values. */
	private List<String> tablesHolding(String... values) {
		List<String> found = new ArrayList<>();
		List<Map<String, Object>> columns = this.jdbc.queryForList("""
				SELECT c.table_name, c.column_name FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE c.table_schema = SCHEMA() AND t.table_type IN ('BASE TABLE', 'TABLE')""");
		assertThat(columns).hasSizeGreaterThan(50);
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("TABLE_NAME");
			String name = (String) column.get("COLUMN_NAME");
			for (String value : values) {
				Integer hits = this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM \"" + table + "\" WHERE CAST(\"" + name + "\" AS VARCHAR) LIKE ?",
						Integer.class, "%" + value + "%");
				if (hits != null && hits > 0) {
					found.add(table + "." + name);
					break;
				}
			}
		}
		return found;
	}

}
