package io.leadrelay.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A HubSpot stand-in that keeps records: the contact batch upsert creates a contact for
 * an email it has not seen and updates the one it has, so it counts how many contacts
 * each lead became. It can be told to fail (503), throttle (429 with Retry-After) or go
 * away entirely (connections refused).
 */
final class RecordingCrm implements AutoCloseable {

	static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

	/** How the CRM behaves. */
	enum Mode {

		UP, FAILING, THROTTLING

	}

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, String> contacts = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> creations = new ConcurrentHashMap<>();

	private final AtomicInteger updates = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private final List<Long> callTimes = Collections.synchronizedList(new ArrayList<>());

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final int port;

	private HttpServer server;

	RecordingCrm() {
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	void mode(Mode mode) {
		this.mode.set(mode);
	}

	/** Stops listening: connections are refused until {@link #comeBack()}. */
	synchronized void goAway() {
		this.server.stop(0);
	}

	synchronized void comeBack() {
		this.server = start(this.port);
	}

	/** How many contacts were created for each email. */
	Map<String, Integer> creations() {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		this.creations.forEach((email, count) -> counts.put(email, count.get()));
		return counts;
	}

	int updates() {
		return this.updates.get();
	}

	int requests() {
		return this.requests.get();
	}

	int refused() {
		return this.refused.get();
	}

	/** When each upsert call arrived ({@link System#nanoTime()}), in order. */
	List<Long> callTimes() {
		synchronized (this.callTimes) {
			return this.callTimes.stream().sorted().toList();
		}
	}

	private HttpServer start(int port) {
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
			created.createContext(UPSERT, this::upsert);
			created.setExecutor(this.executor);
			created.start();
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void upsert(HttpExchange exchange) throws IOException {
		this.callTimes.add(System.nanoTime());
		this.requests.incrementAndGet();
		JsonNode body = this.json.readTree(exchange.getRequestBody());
		Mode now = this.mode.get();
		if (now == Mode.FAILING) {
			this.refused.incrementAndGet();
			FakeGraphApi.respond(exchange, 503, "{\"status\":\"error\",\"message\":\"Service Unavailable\"}");
			return;
		}
		if (now == Mode.THROTTLING) {
			this.refused.incrementAndGet();
			exchange.getResponseHeaders().set("Retry-After", "1");
			FakeGraphApi.respond(exchange, 429, """
					{"status":"error","message":"You have reached your ten_secondly_rolling limit.",
					 "errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING"}""");
			return;
		}
		List<String> results = new ArrayList<>();
		for (JsonNode input : body.get("inputs")) {
			String email = input.get("id").asText();
			boolean created = this.contacts.putIfAbsent(email, Integer.toString(this.contacts.size() + 1000)) == null;
			if (created) {
				this.creations.computeIfAbsent(email, (key) -> new AtomicInteger()).incrementAndGet();
			}
			else {
				this.updates.incrementAndGet();
			}
			results.add("{\"id\":\"" + this.contacts.get(email) + "\",\"new\":" + created + ",\"objectWriteTraceId\":\""
					+ input.get("objectWriteTraceId").asText() + "\",\"properties\":{\"email\":\"" + email
					+ "\"},\"archived\":false}");
		}
		FakeGraphApi.respond(exchange, 200,
				"{\"status\":\"COMPLETE\",\"results\":[" + String.join(",", results) + "]}");
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
