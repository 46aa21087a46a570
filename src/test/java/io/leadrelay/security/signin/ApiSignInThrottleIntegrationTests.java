package io.leadrelay.security.signin;

import java.net.http.HttpResponse;
import java.util.List;

import io.leadrelay.support.TestUsers;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP Basic on the API goes through the same throttle as the sign-in form: wrong
 * passwords lock the user name out, audited, and a locked-out request gets 429 with
 * {@code Retry-After}, even with the right password.
 */
@LeadRelayIntegrationTest
class ApiSignInThrottleIntegrationTests {

	static final String PASSWORD = "a script's long password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		TableCleaner.deleteAll(this.jdbc);
		TestUsers.replace(this.jdbc, "scripter", "VIEWER", PASSWORD);
		this.client = new WebhookClient(this.port);
	}

	@Test
	void locksAUserOutOfTheApiAfterFiveWrongPasswords() {
		for (int i = 0; i < 4; i++) {
			assertThat(leads("wrong password " + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> fifth = leads("wrong password 4");
		assertThat(fifth.statusCode()).isEqualTo(429);
		HttpResponse<String> right = leads(PASSWORD);
		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(right.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(right.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(right.body())
			.containsPattern("\"detail\":\"Too many failed sign-ins\\. Try again in (1 minute|\\d{1,2} seconds)\\.\"");
		// Others, from the same address, are not locked out.
		assertThat(this.client.get("/api/v1/leads", "admin", LeadRelayIntegrationTest.ADMIN_PASSWORD).statusCode())
			.isEqualTo(200);
	}

	@Test
	void auditsEachWrongPasswordAndTheLockout() {
		for (int i = 0; i < 5; i++) {
			leads("wrong password " + i);
		}
		List<String> actions = this.jdbc.queryForList(
				"SELECT action FROM audit_event WHERE subject_type = 'user' AND subject_id = 'scripter' ORDER BY id",
				String.class);
		assertThat(actions).containsExactly("user.sign_in_failed", "user.sign_in_failed", "user.sign_in_failed",
				"user.sign_in_failed", "user.sign_in_failed", "user.locked_out");
		assertThat(this.jdbc.queryForObject(
				"SELECT details FROM audit_event WHERE action = 'user.locked_out' AND subject_id = 'scripter'",
				String.class))
			.contains("\"address\":\"127.0.0.1\"", "\"lockouts\":1", "\"seconds\":60");
	}

	@Test
	void startsCountingAgainAfterTheRightPassword() {
		for (int i = 0; i < 4; i++) {
			leads("wrong password " + i);
		}
		assertThat(leads(PASSWORD).statusCode()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			assertThat(leads("wrong password " + i).statusCode()).isEqualTo(401);
		}
		assertThat(leads(PASSWORD).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> leads(String password) {
		return this.client.get("/api/v1/leads", "scripter", password);
	}

}
