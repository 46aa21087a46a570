package io.leadrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The Graph API and a HubSpot-like CRM, answering each HTTP request after a set latency
 * (0: at once). The wait holds no thread: the answer is scheduled, so hundreds of
 * requests can wait at once. The CRM notes when it answered for each lead (so a lead's
 * latency includes the CRM's), and how many leads it received again.
 */
final class MockServers implements AutoCloseable {

	private static final Pattern EMAIL = Pattern.compile("\"id\"\\s*:\\s*\"lead-([0-9]+)@example\\.com\"");

	private final Map<String, Long> received = new ConcurrentHashMap<>();

	private final AtomicLong again = new AtomicLong();

	private final AtomicLong graphCalls = new AtomicLong();

	private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(4);

	private final HttpServer graph = server(this::graph);

	private final HttpServer crm = server(this::crm);

	private volatile long graphLatencyMillis;

	private volatile long crmLatencyMillis;

	/** When (nanoTime) the CRM answered the first call carrying each leadgen id. */
	Map<String, Long> received() {
		return this.received;
	}

	/** Leads the CRM received more than once since the last {@link #reset()}. */
	long receivedAgain() {
		return this.again.get();
	}

	/** HTTP requests the Graph stand-in answered (a batch counts once). */
	long graphCalls() {
		return this.graphCalls.get();
	}

	void reset() {
		this.received.clear();
		this.again.set(0);
		this.graphCalls.set(0);
	}

	/** Sets how long each stand-in waits before answering, in milliseconds. */
	void latencies(long graphMillis, long crmMillis) {
		this.graphLatencyMillis = graphMillis;
		this.crmLatencyMillis = crmMillis;
	}

	String graphUrl() {
		return "http://127.0.0.1:" + this.graph.getAddress().getPort();
	}

	String crmUrl() {
		return "http://127.0.0.1:" + this.crm.getAddress().getPort();
	}

	private void graph(HttpExchange exchange) throws IOException {
		this.graphCalls.incrementAndGet();
		String path = exchange.getRequestURI().getPath();
		if (exchange.getRequestMethod().equals("POST")) {
			String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			StringBuilder problem = new StringBuilder();
			String answer = GraphStandIn.batch(form, problem);
			if (answer == null) {
				later(exchange, 400, "{\"error\":{\"message\":\"" + problem + "\",\"code\":100}}",
						this.graphLatencyMillis, null);
			}
			else {
				later(exchange, 200, answer, this.graphLatencyMillis, null);
			}
			return;
		}
		later(exchange, 200, GraphStandIn.get(path), this.graphLatencyMillis, null);
	}

	private void crm(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		StringBuilder results = new StringBuilder();
		Matcher matcher = EMAIL.matcher(body);
		List<String> ids = new ArrayList<>();
		while (matcher.find()) {
			ids.add(matcher.group(1));
			results.append(results.isEmpty() ? "" : ",")
				.append("{\"id\":\"")
				.append(matcher.group(1))
				.append("\",\"new\":true,\"properties\":{\"email\":\"lead-")
				.append(matcher.group(1))
				.append("@example.com\"}}");
		}
		later(exchange, 200, "{\"status\":\"COMPLETE\",\"results\":[" + results + "]}", this.crmLatencyMillis, () -> {
			long now = System.nanoTime();
			for (String id : ids) {
				if (this.received.putIfAbsent(id, now) != null) {
					this.again.incrementAndGet();
				}
			}
		});
	}

	private void later(HttpExchange exchange, int status, String body, long millis, Runnable onAnswer) {
		Runnable answer = () -> {
			if (onAnswer != null) {
				onAnswer.run();
			}
			respond(exchange, status, body);
		};
		if (millis <= 0) {
			answer.run();
		}
		else {
			this.answers.schedule(answer, millis, TimeUnit.MILLISECONDS);
		}
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

	private static void respond(HttpExchange exchange, int status, String body) {
		try {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException ex) {
			// The engine gave up waiting (its timeout): nothing to answer.
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.graph.stop(0);
		this.crm.stop(0);
		this.answers.shutdownNow();
	}

}
