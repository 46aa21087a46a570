package io.leadrelay.page.web;

import java.net.http.HttpResponse;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code leadrelay.graph.app-id}, the pages page says Facebook Login is not set
 * up, names the key, and offers pasting a token instead.
 */
@LeadRelayIntegrationTest
class PagesWithoutFacebookLoginIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void saysWhichKeyFacebookLoginNeedsAndOffersPastingAToken() {
		PageSession browser = new PageSession(this.port);
		browser.signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		HttpResponse<String> connect = browser.get("/pages/connect");
		assertThat(connect.statusCode()).isEqualTo(302);
		assertThat(connect.headers().firstValue("Location").orElseThrow()).endsWith("/pages");
		String list = browser.get("/pages").body();
		assertThat(list)
			.contains("Facebook Login is not set up: set leadrelay.graph.app-id, or paste a page token",
					"id=\"login-not-configured\"", "id=\"add-page-token\"")
			.doesNotContain("<code>leadrelay.meta.app-secrets</code>");
	}

}
