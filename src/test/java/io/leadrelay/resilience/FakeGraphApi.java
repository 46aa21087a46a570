package io.leadrelay.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Graph API as the engine process sees it: every token valid, every lead served (with
 * an email made from its id), until the token is revoked; batch requests (the pipeline
 * reads a page's leads 50 to a call) answered item by item.
 */
final class FakeGraphApi implements AutoCloseable {

	static final String FORM_ID = "700000000000011";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final AtomicBoolean revoked = new AtomicBoolean();

	FakeGraphApi() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** From now on, every lead call answers Meta's "token revoked" error (190/460). */
	void revokeToken(boolean revoked) {
		this.revoked.set(revoked);
	}

	static String email(String leadgenId) {
		return "lead-" + leadgenId + "@example.com";
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if ("POST".equals(exchange.getRequestMethod()) && path.matches("/v[0-9.]+/?")) {
			respond(exchange, 200, batch(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			return;
		}
		Answer answer = answer(path);
		respond(exchange, answer.status(), answer.body());
	}

	/** A Graph batch request: each item answered as its single read, in order. */
	private String batch(String form) throws IOException {
		String batch = "[]";
		for (String pair : form.split("&")) {
			if (pair.startsWith("batch=")) {
				batch = URLDecoder.decode(pair.substring("batch=".length()), StandardCharsets.UTF_8);
			}
		}
		ArrayNode answers = JSON.createArrayNode();
		for (JsonNode item : JSON.readTree(batch)) {
			String relativeUrl = item.path("relative_url").asText();
			int query = relativeUrl.indexOf('?');
			Answer answer = answer("/" + ((query < 0) ? relativeUrl : relativeUrl.substring(0, query)));
			answers.addObject().put("code", answer.status()).put("body", answer.body());
		}
		return answers.toString();
	}

	private Answer answer(String path) {
		String id = path.substring(path.lastIndexOf('/') + 1);
		if (path.endsWith("/debug_token")) {
			return new Answer(200, "{\"data\":{\"type\":\"PAGE\",\"is_valid\":true,\"expires_at\":0,"
					+ "\"scopes\":[\"leads_retrieval\",\"pages_show_list\"]}}");
		}
		if (this.revoked.get()) {
			return new Answer(400, "{\"error\":{\"message\":\"Error validating access token: The session has been "
					+ "invalidated because the user changed their password\",\"type\":\"OAuthException\",\"code\":190,"
					+ "\"error_subcode\":460,\"fbtrace_id\":\"AbC\"}}");
		}
		if (id.equals(FORM_ID)) {
			return new Answer(200, "{\"id\":\"" + FORM_ID + "\",\"name\":\"Quote form\",\"questions\":[]}");
		}
		if (id.matches("[0-9]{6,32}")) {
			return new Answer(200, """
					{"id":"%s","created_time":"2026-11-23T10:00:00+0000","form_id":"%s","ad_name":"Ad",
					 "campaign_name":"Campaign","platform":"fb","is_organic":false,
					 "field_data":[{"name":"email","values":["%s"]},{"name":"full_name","values":["Ana Lopez"]}]}"""
				.formatted(id, FORM_ID, email(id)));
		}
		return new Answer(404, "{\"error\":{\"message\":\"Unsupported get request\",\"code\":100}}");
	}

	private record Answer(int status, String body) {
	}

	static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
