package io.leadrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The Graph API and a HubSpot-like CRM, answering at once; the CRM notes when each lead
 * arrives.
 */
final class MockServers implements AutoCloseable {

	private static final Pattern EMAIL = Pattern.compile("\"id\"\\s*:\\s*\"lead-([0-9]+)@example\\.com\"");

	private final Map<String, Long> received = new ConcurrentHashMap<>();

	private final HttpServer graph = server(this::graph);

	private final HttpServer crm = server(this::crm);

	/** When (nanoTime) the CRM first received each leadgen id. */
	Map<String, Long> received() {
		return this.received;
	}

	String graphUrl() {
		return "http://127.0.0.1:" + this.graph.getAddress().getPort();
	}

	String crmUrl() {
		return "http://127.0.0.1:" + this.crm.getAddress().getPort();
	}

	private void graph(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String id = path.substring(path.lastIndexOf('/') + 1);
		String form = LeadgenNotifications.FORM;
		if (path.endsWith("debug_token")) {
			respond(exchange, "{\"data\":{\"is_valid\":true,\"expires_at\":0,\"scopes\":[\"leads_retrieval\"]}}");
		}
		else if (id.equals(form)) {
			respond(exchange, "{\"id\":\"" + form + "\",\"name\":\"Quote form\",\"questions\":[]}");
		}
		else {
			respond(exchange,
					"{\"id\":\"" + id + "\",\"created_time\":\"2026-11-23T10:00:00+0000\",\"form_id\":\"" + form
							+ "\",\"campaign_name\":\"Bench\",\"platform\":\"fb\",\"is_organic\":false,"
							+ "\"field_data\":[{\"name\":\"email\",\"values\":[\"lead-" + id + "@example.com\"]},"
							+ "{\"name\":\"full_name\",\"values\":[\"Ana Lopez\"]}]}");
		}
	}

	private void crm(HttpExchange exchange) throws IOException {
		long now = System.nanoTime();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		StringBuilder results = new StringBuilder();
		Matcher matcher = EMAIL.matcher(body);
		while (matcher.find()) {
			this.received.putIfAbsent(matcher.group(1), now);
			results.append(results.isEmpty() ? "" : ",")
				.append("{\"id\":\"")
				.append(matcher.group(1))
				.append("\",\"new\":true,\"properties\":{\"email\":\"lead-")
				.append(matcher.group(1))
				.append("@example.com\"}}");
		}
		respond(exchange, "{\"status\":\"COMPLETE\",\"results\":[" + results + "]}");
	}

	private static HttpServer server(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
			server.createContext("/", handler);
			server.setExecutor(Executors.newFixedThreadPool(16));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.graph.stop(0);
		this.crm.stop(0);
	}

}
