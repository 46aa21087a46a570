package io.leadrelay.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadrelay.support.LeadRelayIntegrationTest;
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

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	private HttpClient browser;

	@BeforeEach
	void newBrowser() {
		this.browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void givesASessionCookieThatScriptsCannotReadAndOtherSitesCannotSend() throws Exception {
		HttpResponse<String> page = get("/login");
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("LEADRELAY_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
		assertThat(cookie).doesNotContain("Secure");
	}

	@Test
	void marksTheCookieSecureBehindATlsProxy() throws Exception {
		HttpResponse<String> page = send(request("/login").header("X-Forwarded-Proto", "https").GET());
		assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
	}

	@Test
	void refusesASignInWithoutTheFormsCsrfToken() throws Exception {
		get("/login");
		HttpResponse<String> signIn = post("/login",
				"username=admin&password=" + encode(LeadRelayIntegrationTest.ADMIN_PASSWORD));
		assertThat(signIn.statusCode()).isEqualTo(403);
		assertThat(get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void signsInWithTheTokenAndRefusesToSignOutWithoutIt() throws Exception {
		signIn();
		assertThat(get("/").statusCode()).isEqualTo(200);
		assertThat(post("/logout", "").statusCode()).isEqualTo(403);
		assertThat(get("/").statusCode()).as("still signed in").isEqualTo(200);
	}

	@Test
	void acceptsTheTokenInTheHeaderHtmxSends() throws Exception {
		signIn();
		String token = csrfToken(get("/").body());
		HttpResponse<String> signOut = send(request("/logout").header("HX-Request", "true")
			.header("X-CSRF-TOKEN", token)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(get("/").statusCode()).as("signed out").isEqualTo(302);
	}

	private void signIn() throws Exception {
		String token = csrfToken(get("/login").body());
		HttpResponse<String> signIn = post("/login", "username=admin&password="
				+ encode(LeadRelayIntegrationTest.ADMIN_PASSWORD) + "&_csrf=" + encode(token));
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
	}

	private static String csrfToken(String page) {
		Matcher field = CSRF.matcher(page);
		if (field.find()) {
			return field.group(1);
		}
		Matcher meta = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
		assertThat(meta.find()).as("a CSRF token in the page").isTrue();
		return meta.group(1);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
