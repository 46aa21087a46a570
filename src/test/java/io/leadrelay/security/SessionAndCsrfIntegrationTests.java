package io.leadrelay.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session a browser gets: a cookie scripts cannot read and other sites cannot send,
 * marked Secure behind a TLS proxy, and a CSRF token every form and htmx request needs.
 */
@LeadRelayIntegrationTest
class SessionAndCsrfIntegrationTests {

	@LocalServerPort
	private int port;

	private PageSession browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new PageSession(this.port);
	}

	@Test
	void givesASessionCookieThatScriptsCannotReadAndOtherSitesCannotSend() {
		HttpResponse<String> page = this.browser.get("/login");
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("LEADRELAY_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
		assertThat(cookie).doesNotContain("Secure");
	}

	@Test
	void marksTheCookieSecureBehindATlsProxy() {
		HttpResponse<String> page = this.browser
			.send(this.browser.request("/login").header("X-Forwarded-Proto", "https").GET());
		assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
	}

	@Test
	void refusesASignInWithoutTheFormsCsrfToken() {
		this.browser.get("/login");
		HttpResponse<String> signIn = this.browser.post("/login",
				"username=admin&password=" + PageSession.encode(LeadRelayIntegrationTest.ADMIN_PASSWORD));
		assertThat(signIn.statusCode()).isEqualTo(403);
		assertThat(this.browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void signsInWithTheTokenAndRefusesToSignOutWithoutIt() {
		signIn();
		assertThat(this.browser.get("/").statusCode()).isEqualTo(200);
		assertThat(this.browser.post("/logout", "").statusCode()).isEqualTo(403);
		assertThat(this.browser.get("/").statusCode()).as("still signed in").isEqualTo(200);
	}

	@Test
	void acceptsTheTokenInTheHeaderHtmxSends() {
		signIn();
		String token = PageSession.csrfToken(this.browser.get("/").body());
		HttpResponse<String> signOut = this.browser.send(this.browser.request("/logout")
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", token)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/").statusCode()).as("signed out").isEqualTo(302);
	}

	private void signIn() {
		HttpResponse<String> signIn = this.browser.signIn("admin", LeadRelayIntegrationTest.ADMIN_PASSWORD);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
	}

}
