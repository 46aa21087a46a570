package io.leadrelay.security;

import java.net.http.HttpResponse;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.PageSession;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin changes about a user applies to that user's open session at the next
 * page, not at their next sign-in hours later.
 */
@LeadRelayIntegrationTest
class SignedInUserChangesIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private PageSession ada;

	@BeforeEach
	void signInAda() {
		TableCleaner.deleteAll(this.jdbc);
		TestUsers.replace(this.jdbc, "ada", "ADMIN");
		this.ada = new PageSession(this.port);
		this.ada.signIn("ada", TestUsers.PASSWORD);
		assertThat(this.ada.get("/users").statusCode()).isEqualTo(200);
	}

	@Test
	void signsOutAUserWhoWasDisabled() {
		this.jdbc.update("UPDATE app_user SET enabled = FALSE, disabled_at = CURRENT_TIMESTAMP WHERE username = 'ada'");
		HttpResponse<String> home = this.ada.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void appliesANewRoleAtTheNextPage() {
		this.jdbc.update("UPDATE app_user SET role = 'MARKETER' WHERE username = 'ada'");
		assertThat(this.ada.get("/users").statusCode()).isEqualTo(403);
		assertThat(this.ada.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void signsOutTheOtherSessionsWhenThePasswordChanges() {
		PageSession elsewhere = new PageSession(this.port);
		elsewhere.signIn("ada", TestUsers.PASSWORD);
		String token = PageSession.csrfToken(this.ada.get("/account/password").body());
		HttpResponse<String> changed = this.ada.post("/account/password",
				"current=" + PageSession.encode(TestUsers.PASSWORD) + "&password=ada+chose+a+new+one"
						+ "&confirmation=ada+chose+a+new+one&_csrf=" + PageSession.encode(token));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(this.ada.get("/").statusCode()).as("the session that changed it").isEqualTo(200);
		HttpResponse<String> other = elsewhere.get("/");
		assertThat(other.statusCode()).isEqualTo(302);
		assertThat(other.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void asksForANewPasswordAfterAReset() {
		this.jdbc.update("UPDATE app_user SET must_change_password = TRUE WHERE username = 'ada'");
		HttpResponse<String> home = this.ada.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
	}

}
