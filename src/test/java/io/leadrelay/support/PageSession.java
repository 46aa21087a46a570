package io.leadrelay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does with the admin UI's pages, without a browser: keeps the session
 * cookie, reads the CSRF token from a page and signs in through the form. For tests of
 * sessions and access; tests of what a page shows use a real browser.
 */
public final class PageSession {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

	private final int port;

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	public PageSession(int port) {
		this.port = port;
	}

	/** Signs in through the form, with its CSRF token, and expects to be let in. */
	public HttpResponse<String> signIn(String username, String password) {
		String token = csrfToken(get("/login").body());
		HttpResponse<String> signIn = post("/login",
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token));
		assertThat(signIn.statusCode()).as("sign-in of " + username).isEqualTo(302);
		return signIn;
	}

	/** The CSRF token of a page: its forms' hidden field, or the layout's meta tag. */
	public static String csrfToken(String page) {
		Matcher field = CSRF_FIELD.matcher(page);
		if (field.find()) {
			return field.group(1);
		}
		Matcher meta = CSRF_META.matcher(page);
		assertThat(meta.find()).as("a CSRF token in the page").isTrue();
		return meta.group(1);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/** Posts a form (already encoded) as it is, CSRF token or not. */
	public HttpResponse<String> post(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
