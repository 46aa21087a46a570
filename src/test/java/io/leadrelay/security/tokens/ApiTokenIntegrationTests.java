package io.leadrelay.security.tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.leadrelay.support.TestUsers;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens against the running engine: a token signs API requests in as its owner, with
 * the role the owner has now, until it is revoked or expires or its owner is disabled;
 * each token has its own request rate.
 */
@LeadRelayIntegrationTest
class ApiTokenIntegrationTests {

	static final int REQUESTS_PER_MINUTE = 120;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokens tokens;

	final HttpClient http = HttpClient.newHttpClient();

	long mia;

	@BeforeEach
	void marketer() {
		TableCleaner.deleteAll(this.jdbc);
		this.mia = TestUsers.replace(this.jdbc, "mia", "MARKETER");
	}

	@Test
	void signsRequestsInAsTheOwnerWithTheirCurrentRole() throws Exception {
		String secret = create("nightly export");

		assertThat(get("/api/v1/leads", secret).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/users", secret).statusCode()).as("a marketer on an admin route").isEqualTo(403);
		this.jdbc.update("UPDATE app_user SET role = 'ADMIN' WHERE id = ?", this.mia);
		assertThat(get("/api/v1/users", secret).statusCode()).as("once promoted").isNotIn(401, 403);
		assertThat(this.tokens.ownedBy(this.mia)).singleElement()
			.satisfies((token) -> assertThat(token.lastUsedAt()).isNotNull());
	}

	@Test
	void refusesARevokedTokenAndAuditsBoth() throws Exception {
		String secret = create("nightly export");
		long id = this.tokens.ownedBy(this.mia).get(0).id();

		this.tokens.revoke(this.mia, "mia", id);

		HttpResponse<String> refused = get("/api/v1/leads", secret);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("The API token 'nightly export' was revoked");
		assertThat(this.jdbc.queryForList(
				"SELECT actor || ' ' || action || ' ' || subject_id FROM audit_event WHERE subject_type = 'api_token'"
						+ " ORDER BY id",
				String.class))
			.containsExactly("mia token.created " + id, "mia token.revoked " + id);
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		String secret = create("nightly export");
		this.jdbc.update("UPDATE api_token SET expires_at = ?", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC));

		HttpResponse<String> refused = get("/api/v1/leads", secret);

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("The API token 'nightly export' expired at");
	}

	@Test
	void refusesTheTokenOfADisabledOwner() throws Exception {
		String secret = create("nightly export");
		this.jdbc.update("UPDATE app_user SET disabled_at = ? WHERE id = ?", Instant.now().atOffset(ZoneOffset.UTC),
				this.mia);

		HttpResponse<String> refused = get("/api/v1/leads", secret);

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("The owner of this API token is disabled");
	}

	@Test
	void refusesUnknownTokensAndTokenlessRequests() throws Exception {
		create("nightly export");

		assertThat(get("/api/v1/leads", "lr_" + "A".repeat(43)).statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/leads", "integration-admin-password").body()).contains("not a LeadRelay API token");
		assertThat(get("/api/v1/leads", null).statusCode()).isEqualTo(401);
	}

	@Test
	void answersTooManyRequestsWithRetryAfterOverTheRate() throws Exception {
		String secret = create("busy script");
		String other = create("other script");
		long start = System.nanoTime();
		int accepted = 0;
		HttpResponse<String> limited = null;
		while (limited == null && accepted < 10 * REQUESTS_PER_MINUTE) {
			HttpResponse<String> response = get("/api/v1/leads", secret);
			if (response.statusCode() == 429) {
				limited = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
				accepted++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;

		// The whole budget at once, plus one request for each half second the loop took.
		assertThat(accepted).isBetween(REQUESTS_PER_MINUTE,
				REQUESTS_PER_MINUTE + (int) Math.ceil(seconds * REQUESTS_PER_MINUTE / 60) + 1);
		assertThat(limited).isNotNull();
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(limited.body()).contains("\"status\":429").contains("retry in 1 s");
		assertThat(get("/api/v1/leads", other).statusCode()).as("another token").isEqualTo(200);
	}

	private String create(String name) {
		return this.tokens.create(this.mia, "mia", name, Duration.ofDays(30)).secret();
	}

	private HttpResponse<String> get(String path, String secret) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
