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

	GraphHttp(GraphProperties properties, String appSecret, ObjectMapper json, UsageGuard usage) {
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
		this.properties = properties;
		this.appSecret = appSecret;
		this.json = json;
		this.errors = new GraphErrors(json);
		this.usage = usage;
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

	private GraphResult<JsonNode> send(String method, String path, URI uri) {
		GraphResult<JsonNode> held = this.usage.<JsonNode>check().orElse(null);
		if (held != null) {
			return held;
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(uri)
				.timeout(this.properties.readTimeout())
				.header("Accept", "application/json")
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return new GraphResult.Transient<>("Graph API did not answer " + path.replaceAll("[0-9]{6,}", "{id}") + ": "
					+ ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new GraphResult.Transient<>("Interrupted while calling the Graph API");
		}
		this.usage.observe(response.headers().firstValue(UsageGuard.APP_USAGE).orElse(null),
				response.headers().firstValue(UsageGuard.BUSINESS_USAGE).orElse(null));
		if (response.statusCode() != 200) {
			return this.errors.classify(response.statusCode(), response.body());
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
		return URI.create(base + "/" + this.properties.version() + "/" + path + "?"
				+ query.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&")));
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
