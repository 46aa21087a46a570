package io.leadrelay.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Talks to a running engine over real HTTP, the way Meta and API users do.
 */
public final class WebhookClient {

	public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public WebhookClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** POST a body signed with the secret, as Meta does. */
	public HttpResponse<String> postSigned(String appSecret, byte[] body) {
		return post(body, MetaSignatures.sign(appSecret, body));
	}

	/** POST a body with the given signature header ({@code null}: none). */
	public HttpResponse<String> post(byte[] body, String signature) {
		HttpRequest.Builder request = webhook().header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header(SIGNATURE_HEADER, signature);
		}
		return send(request.build());
	}

	/** POST a body without a declared length, so that it travels chunked. */
	public HttpResponse<String> postChunked(byte[] body, String signature) {
		return send(webhook().header("Content-Type", "application/json")
			.header(SIGNATURE_HEADER, signature)
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		return send(request.build());
	}

	public HttpRequest.Builder webhook() {
		return request("/webhooks/meta");
	}

	public HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30));
	}

	public HttpResponse<String> get(String pathAndQuery) {
		return send(request(pathAndQuery).GET().build());
	}

	public HttpResponse<String> get(String pathAndQuery, String user, String password) {
		return send(signedIn(pathAndQuery, user, password).GET().build());
	}

	/**
	 * A JSON request as a signed-in user: POST, PUT or DELETE ({@code json} may be null).
	 */
	public HttpResponse<String> call(String method, String pathAndQuery, String json, String user, String password) {
		return call(method, pathAndQuery, "application/json", json, user, password);
	}

	/** A request with a body of any type as a signed-in user. */
	public HttpResponse<String> call(String method, String pathAndQuery, String contentType, String body, String user,
			String password) {
		return send(signedIn(pathAndQuery, user, password).header("Content-Type", contentType)
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.build());
	}

	private HttpRequest.Builder signedIn(String pathAndQuery, String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return request(pathAndQuery).header("Authorization", "Basic " + credentials);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
