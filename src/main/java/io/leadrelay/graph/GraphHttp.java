package io.leadrelay.graph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one HTTP client of the Graph API: timeouts always set, {@code appsecret_proof} on
 * every call, usage headers watched, failures classified. Tokens travel only in the query
 * and are never put into a message.
 */
final class GraphHttp {

	private final HttpClient http;

	private final GraphProperties properties;

	private final String appSecret;

	private final ObjectMapper json;

	private final GraphErrors errors;

	private final UsageGuard usage;

	/** Bounds the calls in flight at once, for all callers of this engine. */
	private final Semaphore calls;

	GraphHttp(GraphProperties properties, String appSecret, ObjectMapper json, UsageGuard usage) {
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
		this.properties = properties;
		this.appSecret = appSecret;
		this.json = json;
		this.errors = new GraphErrors(json);
		this.usage = usage;
		this.calls = new Semaphore(properties.maxConcurrentCalls());
	}

	GraphResult<JsonNode> get(String path, Map<String, String> parameters, String accessToken) {
		return send("GET", path, uri(path, parameters, accessToken));
	}

	GraphResult<JsonNode> post(String path, Map<String, String> parameters, String accessToken) {
		return send("POST", path, uri(path, parameters, accessToken));
	}

	GraphResult<JsonNode> delete(String path, Map<String, String> parameters, String accessToken) {
		return send("DELETE", path, uri(path, parameters, accessToken));
	}

	/**
	 * A GET that carries no access token, such as the Facebook Login code exchange (whose
	 * parameters include the app secret, so it too is never put into a message).
	 */
	GraphResult<JsonNode> getWithoutToken(String path, Map<String, String> parameters) {
		return send("GET", path, uri(path, parameters));
	}

	/**
	 * A batch request ({@code POST /{version}/} with {@code batch}, form-encoded): the
	 * token and its proof travel in the body, once for all of the batch's requests.
	 */
	GraphResult<JsonNode> batch(String batch, String accessToken) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("access_token", accessToken);
		if (this.appSecret != null) {
			form.put("appsecret_proof", proof(accessToken));
		}
		form.put("batch", batch);
		String base = this.properties.baseUrl().toString().replaceAll("/+$", "");
		return send(HttpRequest.newBuilder(URI.create(base + "/" + this.properties.version() + "/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))), "batch");
	}

	private GraphResult<JsonNode> send(String method, String path, URI uri) {
		return send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()), path);
	}

	private GraphResult<JsonNode> send(HttpRequest.Builder request, String path) {
		GraphResult<JsonNode> held = this.usage.<JsonNode>check().orElse(null);
		if (held != null) {
			return held;
		}
		HttpResponse<String> response;
		try {
			this.calls.acquire();
			try {
				response = this.http.send(
						request.timeout(this.properties.readTimeout()).header("Accept", "application/json").build(),
						BodyHandlers.ofString());
			}
			finally {
				this.calls.release();
			}
		}
		catch (IOException ex) {
			return new GraphResult.Transient<>("Graph API did not answer " + path.replaceAll("[0-9]{6,}", "{id}") + ": "
					+ ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new GraphResult.Transient<>("Interrupted while calling the Graph API");
		}
		observeUsage(response.headers().firstValue(UsageGuard.APP_USAGE).orElse(null),
				response.headers().firstValue(UsageGuard.BUSINESS_USAGE).orElse(null));
		if (response.statusCode() != 200) {
			return classify(response.statusCode(), response.body());
		}
		try {
			return new GraphResult.Success<>(this.json.readTree(response.body()));
		}
		catch (JsonProcessingException ex) {
			return new GraphResult.Transient<>("Graph API answered 200 with a body that is not JSON");
		}
	}

	private URI uri(String path, Map<String, String> parameters, String accessToken) {
		Map<String, String> query = new LinkedHashMap<>(parameters);
		query.put("access_token", accessToken);
		if (this.appSecret != null) {
			query.put("appsecret_proof", proof(accessToken));
		}
		return uri(path, query);
	}

	private URI uri(String path, Map<String, String> query) {
		String base = this.properties.baseUrl().toString().replaceAll("/+$", "");
		return URI.create(base + "/" + this.properties.version() + "/" + path + "?" + encode(query));
	}

	private static String encode(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** What a failed answer (or a failed item of a batch) means. */
	<T> GraphResult<T> classify(int status, String body) {
		return this.errors.classify(status, body);
	}

	/** Meta's usage headers, of an answer or of an item of a batch. */
	void observeUsage(String appUsage, String businessUsage) {
		this.usage.observe(appUsage, businessUsage);
	}

	JsonNode parse(String body) throws JsonProcessingException {
		return this.json.readTree(body);
	}

	/** hex(HMAC-SHA256(key = app secret, message = the access token sent)). */
	String proof(String accessToken) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String appSecret() {
		return this.appSecret;
	}

}
